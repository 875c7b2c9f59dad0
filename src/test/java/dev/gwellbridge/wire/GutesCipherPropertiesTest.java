package dev.gwellbridge.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Frames of every mode, length and trailer combination survive seal + robust decrypt (§5.5). */
class GutesCipherPropertiesTest {

    @Property(tries = 3000)
    void robustDecryptRecoversEverySealedFrameWithItsMode(@ForAll long seed) throws FrameException {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] frame = new byte[24 + r.nextInt(200)];
        r.nextBytes(frame);
        frame[0] = (byte) (r.nextBoolean() ? 0x7E : 0x7F);
        Le.putInt16(frame, 2, frame.length);
        int flags = r.nextInt() & ~(GutesFlags.MODE_MASK | GutesFlags.SKIP_CHECKSUM);
        GutesMode mode = GutesMode.ofFlags(r.nextInt(3) << 16);
        Le.putInt32(frame, 20, flags | mode.bits() << 16);
        GutesChecksum.store(frame);
        byte[] key = new byte[32];
        r.nextBytes(key);
        Rc5x32 sessionKey = Rc5x32.of(key);

        byte[] wire = GutesCipher.seal(frame, sessionKey);
        assertThat(Le.int32(wire, 0)).isEqualTo(Le.int32(frame, 0));
        assertThat(Le.int32(wire, 20)).isEqualTo(Le.int32(frame, 20));
        DecryptedFrame d = GutesCipher.robustDecrypt(wire, sessionKey);
        assertThat(d.mode()).isEqualTo(mode);
        assertThat(d.frame()).isEqualTo(frame);
        if (mode == GutesMode.SESSION_KEY) {
            assertThatThrownBy(() -> GutesCipher.robustDecrypt(wire, null)).isInstanceOf(FrameException.class);
        }
    }

    @Test
    void modeThreeCannotBeSent() {
        byte[] frame = new byte[32];
        Le.putInt32(frame, 20, 0x00030000);
        assertThatThrownBy(() -> GutesCipher.seal(frame, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modeTwoNeedsTheSessionKey() {
        byte[] frame = new byte[32];
        Le.putInt32(frame, 20, 0x00020000);
        assertThatThrownBy(() -> GutesCipher.seal(frame, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCorruptedPayloadByteIsRejectedUnlessBit21IsSet() throws FrameException {
        byte[] frame = new byte[48];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) (i * 13);
        }
        frame[0] = 0x7F;
        Le.putInt16(frame, 2, frame.length);
        Le.putInt32(frame, 20, GutesFlags.of(GutesMode.FRAME_KEY, 0));
        GutesChecksum.store(frame);
        byte[] wire = GutesCipher.seal(frame, null);
        wire[30] ^= 0x40;
        assertThatThrownBy(() -> GutesCipher.robustDecrypt(wire, null))
                .isInstanceOf(FrameException.class)
                .hasMessageContaining("checksum");

        Le.putInt32(frame, 20, GutesFlags.of(GutesMode.FRAME_KEY, 0) | GutesFlags.SKIP_CHECKSUM);
        GutesChecksum.store(frame);
        byte[] skipping = GutesCipher.seal(frame, null);
        skipping[30] ^= 0x40;
        DecryptedFrame d = GutesCipher.robustDecrypt(skipping, null);
        assertThat(d.mode()).isEqualTo(GutesMode.FRAME_KEY);
        assertThat(d.frame()).isNotEqualTo(frame);
    }
}
