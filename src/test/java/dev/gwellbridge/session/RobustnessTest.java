package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.kcp.KcpConv;
import dev.gwellbridge.kcp.KcpSegment;
import dev.gwellbridge.kcp.KcpSegmentCodec;
import dev.gwellbridge.wire.AvStreamCtl;
import dev.gwellbridge.wire.AvStreamCtlCodec;
import dev.gwellbridge.wire.AvStreamCtlCommand;
import dev.gwellbridge.wire.GutesCodecs;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.MeterCodec;
import dev.gwellbridge.wire.MeterMessage;
import dev.gwellbridge.wire.Octets;
import dev.gwellbridge.wire.PassthroughData;
import dev.gwellbridge.wire.PortStatReq;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bad input is counted and dropped; one bad datagram never ends a session (GWELL-PROTOCOL.md §11.9). */
class RobustnessTest {

    @Test
    void thousandsOfRandomAndMutatedDatagramsNeverEndTheSession() {
        Harness h = Harness.lan();
        byte[] video = LanSessionTest.h264(100_000, 3);
        h.peers.camera.setVideo(video);
        h.start().runUntilStreaming(10_000);
        List<byte[]> real = new ArrayList<>();
        h.sent.stream().map(Harness.Sent::data).filter(d -> d != null).forEach(real::add);
        SplittableRandom random = new SplittableRandom(42);
        Ipv4Endpoint[] sources = {Harness.SERVER, Harness.CAMERA, Ipv4Endpoint.parse("192.168.1.77:1234")};
        long before = h.machine.stats().malformed();
        for (int i = 0; i < 3_000; i++) {
            byte[] d;
            if (random.nextBoolean()) {
                d = real.get(random.nextInt(real.size())).clone();
                d[random.nextInt(d.length)] ^= (byte) (1 + random.nextInt(255));
            } else {
                d = new byte[random.nextInt(120)];
                random.nextBytes(d);
                if (d.length > 4 && random.nextBoolean()) {
                    d[0] = (byte) (random.nextBoolean() ? 0xC0 : 0x7E);
                    Le.putInt16(d, 2, d.length);
                }
            }
            h.inject(sources[random.nextInt(sources.length)], d);
            if (i % 100 == 0) {
                h.runFor(5);
            }
        }
        h.runUntil(() -> h.video.size() == video.length, h.now + 30_000);

        assertThat(h.machine.ended()).isFalse();
        assertThat(h.video.toByteArray()).isEqualTo(video);
        assertThat(h.machine.stats().malformed() - before).isGreaterThan(1_000);
    }

    @Test
    void aMeterRequestOfAnotherCallIsNotAnswered() {
        Harness h = Harness.lan().start();
        h.runUntilStreaming(10_000);
        h.runFor(100);
        int acks = h.sentOfKind("M:meter-ack").size();
        long malformed = h.machine.stats().malformed();
        byte[] foreign = MeterCodec.encode(new MeterMessage(false, 0x12345678, FakeCamera.TID, 1, 1, h.now));
        h.inject(Harness.CAMERA, CameraPath.standard(foreign, 0, foreign.length, true, true));

        assertThat(h.sentOfKind("M:meter-ack")).hasSize(acks);
        assertThat(h.machine.stats().malformed()).isEqualTo(malformed + 1);
    }

    @Test
    void anAcceptForAnotherStreamIsIgnored() {
        Harness h = Harness.lan();
        h.peers.camera.initReqsToIgnore = Integer.MAX_VALUE;
        h.start().runUntil(() -> h.phaseAt(SessionPhase.INITREQ) >= 0, Harness.START + 10_000);
        h.runFor(100);
        h.inject(Harness.CAMERA, ctrlPush(h, AvStreamCtlCommand.ACCEPT, streamId(h) + 1));
        h.runFor(100);

        assertThat(h.streaming()).isFalse();
        h.inject(Harness.CAMERA, ctrlPush(h, AvStreamCtlCommand.ACCEPT, streamId(h)));
        h.runFor(10);
        assertThat(h.events).contains(new SessionEvent.Streaming(Transport.LAN_UDP));
    }

    @Test
    void anAcceptCarriedInPassthroughDataFromTheServerStartsTheStream() {
        Harness h = Harness.lan();
        h.peers.camera.initReqsToIgnore = Integer.MAX_VALUE;
        h.start().runUntil(() -> h.phaseAt(SessionPhase.INITREQ) >= 0, Harness.START + 10_000);
        h.runFor(100);
        byte[] inner = ctrlPush(h, AvStreamCtlCommand.ACCEPT, streamId(h));
        PassthroughData data = new PassthroughData(
                FakeServer.ROUTING_ID,
                9,
                FakeCamera.TID,
                FakePeers.credentials().accessId(),
                0,
                Octets.of(inner));
        h.inject(Harness.SERVER, GutesCodecs.encode(data, h.peers.server.sessionKey));
        h.runFor(10);

        assertThat(h.events).contains(new SessionEvent.Streaming(Transport.PASSTHROUGH));
    }

    @Test
    void aCamerasPortStatReqIsAnsweredWithAPortStatResp() {
        Harness h = Harness.lan().start();
        h.runUntilStreaming(10_000);
        Ipv4Endpoint other = Ipv4Endpoint.parse("192.168.1.9:5000");
        h.inject(other, GutesCodecs.encode(new PortStatReq(FakeServer.ROUTING_ID, 1, h.peers.camera.linkId()), null));
        h.inject(other, GutesCodecs.encode(new PortStatReq(FakeServer.ROUTING_ID, 1, 77), null));

        assertThat(h.sentOfKind("G:cb"))
                .singleElement()
                .satisfies(s -> assertThat(s.to()).isEqualTo(other));
    }

    private static int streamId(Harness h) {
        KcpSegment s = h.segments(h.sentOfKind("K:CTRL:initreq:hand").get(0)).get(0);
        return Le.int32(s.data(), 4);
    }

    /** A camera datagram with one CTRL PUSH carrying an AVSTREAMCTL. */
    private static byte[] ctrlPush(Harness h, AvStreamCtlCommand command, int streamId) {
        byte[] ctl = AvStreamCtlCodec.encode(AvStreamCtl.of(command, streamId));
        byte[] seg = KcpSegmentCodec.encode(
                new KcpSegment(KcpConv.ctrl(h.peers.camera.linkId()), KcpSegment.IKCP_CMD_PUSH, 0, 128, 1, 0, 0, ctl));
        return CameraPath.standard(seg, 0, seg.length, false, true);
    }

    @Test
    void aShortDataMessageIsCountedAsMalformed() {
        Harness h = Harness.lan().start();
        h.runUntilStreaming(10_000);
        h.runFor(200);
        long malformed = h.machine.stats().malformed();
        byte[] seg = KcpSegmentCodec.encode(new KcpSegment(
                KcpConv.data(h.peers.camera.linkId()), KcpSegment.IKCP_CMD_PUSH, 0, 128, 1, 2, 0, new byte[] {4, 0}));
        h.inject(Harness.CAMERA, CameraPath.standard(seg, 0, seg.length, false, true));

        assertThat(h.machine.stats().malformed()).isEqualTo(malformed + 1);
        assertThat(h.machine.ended()).isFalse();
    }
}
