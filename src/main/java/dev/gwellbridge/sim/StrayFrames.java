package dev.gwellbridge.sim;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.wire.GutesChecksum;
import dev.gwellbridge.wire.GutesCipher;
import dev.gwellbridge.wire.GutesFlags;
import dev.gwellbridge.wire.GutesHeader;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.GutesMode;
import dev.gwellbridge.wire.GutesRoute;
import dev.gwellbridge.wire.ResResponseCodec;
import java.util.random.RandomGenerator;

/**
 * Frames "of other sessions" that a real server's endpoint delivers to a client (GWELL-PROTOCOL.md
 * §11.9 quirk c):
 *
 * <ul>
 *   <li>0xAA push notifications, sealed under a key the client does not have (it must ignore them);
 *   <li>frames with flags bit 21, which pass the client's robust decryption whatever the key; they
 *       are sealed with the client's own session key so that what it decrypts is controlled
 *       garbage: a device list with a count outside 1..32, an MTP_RES_RESPONSE shorter than 104
 *       bytes, a SubscribeResp with random content (only logged).
 * </ul>
 *
 * None of them can be mistaken for a valid answer by a client that validates content; a bit-21
 * routing-id or CALLING ACK frame could be, and is never sent.
 */
final class StrayFrames {
    private static final int[] GARBAGE_SUBTYPES = {
        GutesMessage.SUB_INIT_INFO_RESP, GutesMessage.SUB_MTP_RES_RESPONSE, GutesMessage.SUB_SUBSCRIBE_RESP
    };

    private StrayFrames() {}

    /** One stray frame drawn from {@code random} for a client with this session key. */
    static byte[] next(RandomGenerator random, Rc5x32 clientKey) {
        return random.nextInt(3) == 0 ? push(random) : garbage(random, clientKey);
    }

    /** A push notification of another session: subtype 0xAA, random content, a foreign key. */
    static byte[] push(RandomGenerator random) {
        byte[] f = frame(random, GutesMessage.SUB_PUSH, GutesHeader.SIZE + 16 + random.nextInt(64), 0);
        byte[] key = new byte[32];
        random.nextBytes(key);
        GutesCipher.encrypt(f, GutesMode.SESSION_KEY, Rc5x32.of(key));
        return f;
    }

    /** A frame with flags bit 21 whose plaintext, under the client's key, is garbage to reject. */
    static byte[] garbage(RandomGenerator random, Rc5x32 clientKey) {
        int subtype = GARBAGE_SUBTYPES[random.nextInt(GARBAGE_SUBTYPES.length)];
        int length = subtype == GutesMessage.SUB_MTP_RES_RESPONSE
                ? GutesHeader.SIZE + random.nextInt(ResResponseCodec.MIN_LENGTH - GutesHeader.SIZE)
                : GutesHeader.SIZE + 8 + random.nextInt(120);
        byte[] f = frame(random, subtype, length, GutesFlags.SKIP_CHECKSUM);
        GutesCipher.encrypt(f, GutesMode.SESSION_KEY, clientKey);
        return f;
    }

    private static byte[] frame(RandomGenerator random, int subtype, int length, int extraFlags) {
        byte[] f = new byte[length];
        random.nextBytes(f);
        new GutesHeader(
                        GutesRoute.PROTO_ROUTED,
                        subtype,
                        length,
                        random.nextLong(),
                        random.nextInt(),
                        0,
                        GutesFlags.of(GutesMode.SESSION_KEY, 0) | extraFlags)
                .write(f);
        if (subtype == GutesMessage.SUB_INIT_INFO_RESP && length >= GutesHeader.SIZE + 8) {
            // A count the client must refuse (outside 1..32), whatever key it decrypts with.
            Le.putInt32(f, GutesHeader.SIZE + 4, 33 + random.nextInt(1 << 20));
        }
        GutesChecksum.store(f);
        return f;
    }
}
