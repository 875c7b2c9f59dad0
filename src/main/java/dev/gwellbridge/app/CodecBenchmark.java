package dev.gwellbridge.app;

import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.kcp.KcpConfig;
import dev.gwellbridge.kcp.KcpEndpoint;
import dev.gwellbridge.kcp.KcpSegment;
import dev.gwellbridge.kcp.KcpSegmentCodec;
import dev.gwellbridge.wire.AvChannel;
import dev.gwellbridge.wire.AvMessage;
import dev.gwellbridge.wire.AvMessageCodec;
import dev.gwellbridge.wire.AvStreamCtlScanner;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.H264Extractor;
import dev.gwellbridge.wire.H264Sink;
import dev.gwellbridge.wire.HeadInfoCodec;
import dev.gwellbridge.wire.MtpDatagram;
import dev.gwellbridge.wire.MtpDatagramParser;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.MtpFrameCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The client's receive path for video, prebuilt and replayable: MTP datagrams carrying one KCP PUSH
 * segment each, whose message is an encrypted type-4 AV message (the first one a head_info), are
 * parsed, fed to a fresh DATA engine, received, decrypted and turned into H.264 bytes.
 *
 * <p>Instances are immutable; {@link #decode} may run any number of times.
 */
final class CodecBenchmark {
    static final int LINK_ID = 0x1A2B3C4D;
    private static final int DATA_CONV = LINK_ID & 0x7FFF_FFFF;
    private static final int CTRL_CONV = LINK_ID | 0x8000_0000;

    private final Rc5x32 key;
    private final List<byte[]> datagrams;
    private final byte[] h264;
    private final long datagramBytes;

    private CodecBenchmark(Rc5x32 key, List<byte[]> datagrams, byte[] h264) {
        this.key = key;
        this.datagrams = List.copyOf(datagrams);
        this.h264 = h264;
        this.datagramBytes = datagrams.stream().mapToLong(d -> d.length).sum();
    }

    /**
     * Builds {@code messages} AV messages of {@code messageSize} bytes (header included) from seeded
     * random "H.264" bytes, preceded by a head_info message.
     */
    static CodecBenchmark prepare(int messages, int messageSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] keyBytes = new byte[8];
        random.nextBytes(keyBytes);
        Rc5x32 key = Rc5x32.of(keyBytes);
        int bodySize = messageSize - AvMessage.HEADER;
        byte[] h264 = new byte[messages * bodySize];
        random.nextBytes(h264);
        for (int i = 0; i < messages; i++) {
            // Start codes keep the bytes looking like Annex B and away from the head_info magic.
            h264[i * bodySize] = 0;
            h264[i * bodySize + 1] = 0;
            h264[i * bodySize + 2] = 1;
        }
        List<byte[]> datagrams = new ArrayList<>(messages + 1);
        byte[] headInfo = HeadInfoCodec.encode(new byte[HeadInfoCodec.PARAMS_LENGTH]);
        datagrams.add(datagram(0, AvMessageCodec.encode(new AvMessage(AvMessage.TYPE_AV_DATA, 0, headInfo), key)));
        for (int i = 0; i < messages; i++) {
            byte[] body = new byte[bodySize];
            System.arraycopy(h264, i * bodySize, body, 0, bodySize);
            byte[] msg = AvMessageCodec.encode(new AvMessage(AvMessage.TYPE_AV_DATA, 0, body), key);
            datagrams.add(datagram(i + 1, msg));
        }
        return new CodecBenchmark(key, datagrams, h264);
    }

    private static byte[] datagram(int sn, byte[] message) {
        byte[] segment =
                KcpSegmentCodec.encode(new KcpSegment(DATA_CONV, KcpSegment.IKCP_CMD_PUSH, 0, 128, sn, sn, 0, message));
        return MtpFrameCodec.encode(MtpFrame.standard(segment, false, true));
    }

    /** Runs every datagram through the receive path once, writing H.264 to {@code sink}. */
    long decode(H264Sink sink) throws FrameException {
        KcpEndpoint engine = new KcpEndpoint(DATA_CONV, KcpConfig.data(), (buf, len) -> {});
        long now = 0;
        long written = 0;
        for (byte[] d : datagrams) {
            MtpDatagram parsed = MtpDatagramParser.parse(d, 0, d.length, DATA_CONV, CTRL_CONV);
            AvStreamCtlScanner.scan(d, parsed);
            for (MtpDatagram.KcpRun run : parsed.runs()) {
                if (engine.input(d, run.offset(), run.length(), now) < 0) {
                    throw new FrameException("bench: engine refused a datagram");
                }
            }
            for (byte[] msg = engine.recv(); msg != null; msg = engine.recv()) {
                written += H264Extractor.extract(AvChannel.DATA, msg, 0, msg.length, key, sink);
            }
            engine.update(now++);
        }
        return written;
    }

    /** The H.264 bytes {@link #decode} must produce. */
    byte[] expectedH264() {
        return h264.clone();
    }

    Rc5x32 key() {
        return key;
    }

    long datagramBytes() {
        return datagramBytes;
    }

    int datagramCount() {
        return datagrams.size();
    }
}
