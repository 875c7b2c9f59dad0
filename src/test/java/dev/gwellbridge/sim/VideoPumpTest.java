package dev.gwellbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.h264.FrameRate;
import dev.gwellbridge.kcp.KcpConfig;
import dev.gwellbridge.kcp.KcpEndpoint;
import dev.gwellbridge.wire.AvChannel;
import dev.gwellbridge.wire.AvMessage;
import dev.gwellbridge.wire.AvMessageCodec;
import dev.gwellbridge.wire.H264Extractor;
import dev.gwellbridge.wire.HeadInfoCodec;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frame pacing and message cutting of the camera's video, on a virtual clock. */
class VideoPumpTest {
    private static final Rc5x32 KEY = Rc5x32.of(HexFormat.of().parseHex("577491aecbe80522"));
    private static final int CONV = 0x23a45f1b;

    private final VideoSource source = SimHarness.fixtureSource();
    private final SentVideo sent = new SentVideo(1 << 20);
    private final List<byte[]> messages = new ArrayList<>();
    private final KcpEndpoint receiver = new KcpEndpoint(CONV, KcpConfig.data(), (buf, len) -> {});
    private final KcpEndpoint sender =
            new KcpEndpoint(CONV, CameraSession.KCP, (buf, len) -> receiver.input(buf, 0, len, 0));

    /** Moves every queued message to the receiver and collects what it delivers. */
    private void deliver(long now) {
        sender.update(now);
        sender.flush();
        for (byte[] m = receiver.recv(); m != null; m = receiver.recv()) {
            messages.add(m);
        }
    }

    @Test
    void theFixtureDeclaresTwentyFramesPerSecond() {
        assertThat(source.frameRate()).isEqualTo(new FrameRate(20, 1));
        assertThat(source.pictureCount()).isEqualTo(10);
        assertThat(source.dueOffsetMillis(3)).isEqualTo(150);
    }

    @Test
    void pacesPicturesAtTheSourceFrameRate() {
        VideoPump pump = new VideoPump(source, KEY, 1000, false, sent);
        pump.start(1_000, sender);
        long[][] expected = {{1_000, 1}, {1_049, 1}, {1_050, 2}, {1_449, 9}, {1_450, 10}, {3_000, 10}};
        for (long[] step : expected) {
            pump.pump(step[0], sender, 10_000);
            assertThat(pump.picturesSent()).as("at %d ms", step[0]).isEqualTo(step[1]);
        }
        assertThat(pump.running()).as("the source ended and does not loop").isFalse();
        assertThat(pump.nextDue()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void loopsTheSourceWhenAskedTo() {
        VideoPump pump = new VideoPump(source, KEY, 1000, true, sent);
        pump.start(0, sender);
        for (long t = 0; t <= 1_000; t += 10) {
            pump.pump(t, sender, 10_000);
        }
        assertThat(pump.picturesSent()).isEqualTo(21);
        assertThat(sent.total()).isEqualTo(2L * source.size() + source.pictureCopy(0).length);
    }

    @Test
    void sendsHeadInfoFirstThenTheSourceBytesInMessagesOfAtMostTheBodySize() throws Exception {
        VideoPump pump = new VideoPump(source, KEY, 1000, false, sent);
        pump.start(0, sender);
        for (long t = 0; t <= 600; t += 10) {
            pump.pump(t, sender, 10_000);
            deliver(t);
        }
        byte[] first = AvMessageCodec.decode(messages.get(0), 0, messages.get(0).length, KEY)
                .body();
        assertThat(HeadInfoCodec.startsWithHeadInfo(first, 0, first.length)).isTrue();
        assertThat(first).hasSize(HeadInfoCodec.LENGTH);
        ByteArrayOutputStream h264 = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            assertThat(m[0]).isEqualTo((byte) AvMessage.TYPE_AV_DATA);
            assertThat(m.length - AvMessage.HEADER).isLessThanOrEqualTo(1000);
            H264Extractor.extract(AvChannel.DATA, m.clone(), 0, m.length, KEY, h264::write);
        }
        assertThat(h264.toByteArray()).isEqualTo(source.bytes());
        assertThat(sent.bytes()).isEqualTo(source.bytes());
        assertThat(sent.streams()).isEqualTo(1);
    }

    @Test
    void waitsWhileTheSendWindowIsFullAndResumesWithoutBursting() {
        VideoPump pump = new VideoPump(source, KEY, 1000, false, sent);
        pump.start(0, sender);
        pump.pump(0, sender, 4);
        assertThat(pump.picturesSent())
                .as("head_info and the IDR's three messages fill a window of 4")
                .isEqualTo(1);
        pump.pump(2_000, sender, 4);
        assertThat(pump.picturesSent()).isEqualTo(1);
        pump.pump(2_000, sender, 10_000);
        assertThat(pump.picturesSent())
                .as("late by 2 s: one picture now, not a burst")
                .isEqualTo(2);
        pump.pump(2_049, sender, 10_000);
        assertThat(pump.picturesSent()).isEqualTo(2);
        pump.pump(2_050, sender, 10_000);
        assertThat(pump.picturesSent()).isEqualTo(3);
    }

    @Test
    void neverStartsABodyWithTheHeadInfoMagic() {
        byte[] picture = new byte[200];
        picture[40] = (byte) 0xFF;
        picture[41] = (byte) 0xFF;
        picture[42] = (byte) 0xFF;
        picture[43] = (byte) 0x88;
        assertThat(VideoPump.chunkLength(picture, 0, 40))
                .as("moves the cut one byte on")
                .isEqualTo(41);
        assertThat(VideoPump.chunkLength(picture, 0, 39)).isEqualTo(39);
        assertThat(VideoPump.chunkLength(picture, 41, 40)).isEqualTo(40);
        assertThat(VideoPump.chunkLength(picture, 181, 40)).isEqualTo(19);
        picture[190] = (byte) 0xFF;
        picture[191] = (byte) 0xFF;
        picture[192] = (byte) 0xFF;
        picture[193] = (byte) 0x88;
        assertThat(VideoPump.chunkLength(picture, 150, 40))
                .as("a body shorter than a head_info record is never stripped")
                .isEqualTo(40);
    }
}
