package dev.gwellbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.kcp.KcpManualSegments;
import dev.gwellbridge.wire.DetectReq2;
import dev.gwellbridge.wire.DetectResp;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesCodecs;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.Heartbeat;
import dev.gwellbridge.wire.MeterCodec;
import dev.gwellbridge.wire.MeterMessage;
import dev.gwellbridge.wire.MtpFrame;
import dev.gwellbridge.wire.MtpFrameCodec;
import dev.gwellbridge.wire.PortStatReq;
import dev.gwellbridge.wire.PortStatResp;
import dev.gwellbridge.wire.SessionControlMessage;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A camera end to end with a sans-IO viewer on the virtual clock: handshake, video, meters, controls. */
class CameraSimTest {

    private static SimulatorConfig.Builder noLoop() {
        return SimulatorConfig.builder().cameraBehaviour(CameraBehaviour.DEFAULT.withLoopSource(false));
    }

    private static VirtualViewer streamingViewer(SimHarness h) {
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 9);
        v.startStreaming();
        return v;
    }

    private static void runUntilComplete(VirtualViewer v, long maxMs) {
        for (long t = 0; t < maxMs && v.h264().length < v.h.source.size(); t += 100) {
            v.run(100);
        }
    }

    @Test
    void streamsTheWholeSourceByteForByte() {
        SimHarness h = new SimHarness(noLoop().build(), SimHarness.fixtureSource());
        VirtualViewer v = streamingViewer(h);
        runUntilComplete(v, 5_000);
        assertThat(v.h264()).isEqualTo(h.source.bytes());
        assertThat(h.world.cameras().get(0).sentVideo().bytes()).isEqualTo(h.source.bytes());
        assertThat(h.violations.all()).isEmpty();
    }

    @Test
    void theCamerasFirstWordIsAMeterRequestAndItAcknowledgesTheViewersProbes() throws FrameException {
        SimHarness h = SimHarness.lan(1);
        VirtualViewer v = streamingViewer(h);
        v.run(4_100);
        List<byte[]> meters = v.received.stream()
                .map(RecordingOutput.Sent::bytes)
                .filter(b -> (b[0] & 0xFF) == MtpFrame.MAGIC && b[1] == (byte) 0x90 && b.length == 74)
                .toList();
        assertThat(meters.get(0)[7]).as("first camera frame: a meter request").isEqualTo((byte) 1);
        RecordingOutput.Sent firstFromCamera =
                v.received.stream().filter(s -> !s.fromServer()).findFirst().orElseThrow();
        assertThat(firstFromCamera.bytes()).isEqualTo(meters.get(0));
        long requests = meters.stream()
                .filter(b -> b[7] == SessionControlMessage.CMD_METER_REQUEST)
                .count();
        long acks = meters.stream()
                .filter(b -> b[7] == SessionControlMessage.CMD_METER_ACK)
                .count();
        assertThat(requests).as("one at once, then every 2 s").isEqualTo(3);
        assertThat(acks).as("every probe of the viewer acknowledged").isEqualTo(3);
        MeterMessage first = MeterCodec.decode(meters.get(0), MtpFrame.STANDARD_HEADER, MeterCodec.LENGTH);
        assertThat(first.sourceId()).isEqualTo(h.identity(0).tid());
        assertThat(first.destinationId()).isEqualTo(v.credentials.accessId());
        assertThat(first.linkId()).isEqualTo(v.linkId);
        assertThat(first.round()).isEqualTo(1);
    }

    @Test
    void answersPortStatReqAndDetectReq2OnItsUdpPort() throws FrameException {
        SimHarness h = SimHarness.lan(1);
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        v.login();
        h.out.take();
        PortStatReq req = new PortStatReq(v.routingId, h.identity(0).tid(), v.linkId);
        h.toCamera(0, v.me, GutesCodecs.encode(req, null));
        h.toCamera(0, v.me, GutesCodecs.encode(DetectReq2.random(new SplittableRandom(2)), null));
        h.advance(5);
        List<GutesMessage> answers = new ArrayList<>();
        for (RecordingOutput.Sent s : h.out.take()) {
            if ((s.bytes()[0] & 0xFF) != MtpFrame.MAGIC) {
                answers.add(GutesClassifier.atClient(s.bytes(), null));
            }
        }
        assertThat(answers)
                .containsExactly(new PortStatResp(v.routingId, h.identity(0).tid(), v.linkId), answers.get(1));
        assertThat(answers.get(1)).isInstanceOf(DetectResp.class);
    }

    @Test
    void inRelayOnlyModeTheUdpPortStaysSilent() {
        SimHarness h = new SimHarness(
                SimulatorConfig.builder().mode(SimMode.RELAY_ONLY).build(), SimHarness.fixtureSource());
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        v.login();
        v.openKcp();
        v.initReq(7);
        v.run(1_000);
        assertThat(v.received).noneMatch(s -> !s.fromServer());
        assertThat(h.world.cameras().get(0).ignored()).isPositive();
    }

    @Test
    void aMissingMeterProbeWhileStreamingIsRecordedOnce() {
        SimHarness h = SimHarness.lan(1);
        VirtualViewer v = streamingViewer(h);
        v.run(2_500);
        v.sendMeters = false;
        v.run(6_000);
        assertThat(h.violations.of(ViolationKind.METER_GAP)).hasSize(1);
    }

    @Test
    void theCameraEndsTheCallAfterTheMeterTimeout() {
        SimulatorConfig cfg = SimulatorConfig.builder()
                .cameraBehaviour(CameraBehaviour.DEFAULT.withMeterTimeoutMs(5_000))
                .build();
        SimHarness h = new SimHarness(cfg, SimHarness.fixtureSource());
        VirtualViewer v = streamingViewer(h);
        v.sendMeters = false;
        v.run(4_900);
        assertThat(h.world.cameras().get(0).session().ended()).isFalse();
        v.run(300);
        assertThat(h.world.cameras().get(0).session().ended()).isTrue();
        int before = v.received.size();
        v.run(2_000);
        assertThat(v.received.size()).as("nothing more from the camera").isEqualTo(before);
    }

    @Test
    void heartbeatsCloserThanThirtySecondsWhileStreamingAreRecorded() {
        SimHarness h = SimHarness.lan(1);
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        v.login();
        heartbeat(v);
        heartbeat(v);
        assertThat(h.violations.all()).as("set-up heartbeats are not limited").isEmpty();
        v.openKcp();
        v.initReq(5);
        v.sendStart();
        v.sendAvInit();
        v.run(100);
        heartbeat(v);
        v.run(30_000);
        heartbeat(v);
        assertThat(h.violations.of(ViolationKind.HEARTBEAT_TOO_FREQUENT)).isEmpty();
        v.run(1_000);
        heartbeat(v);
        assertThat(h.violations.of(ViolationKind.HEARTBEAT_TOO_FREQUENT)).hasSize(1);
    }

    private static void heartbeat(VirtualViewer v) {
        v.request(GutesCodecs.encode(new Heartbeat(v.credentials.accessId(), v.sqnum++), v.sessionKey));
    }

    @Test
    void kcpSentToTheServerIsRecordedAndEndsTheSessionLater() {
        SimulatorConfig cfg = SimulatorConfig.builder()
                .serverBehaviour(ServerBehaviour.DEFAULT.withKcpTeardownMs(1_000))
                .build();
        SimHarness h = new SimHarness(cfg, SimHarness.fixtureSource());
        VirtualViewer v = streamingViewer(h);
        v.run(200);
        byte[] seg = KcpManualSegments.directAck(v.data.conv(), 0, 0, 0);
        byte[] frame = MtpFrameCodec.encode(MtpFrame.standard(seg, false, true));
        h.toServer(v.me, frame);
        h.toServer(v.me, frame);
        assertThat(h.violations.of(ViolationKind.KCP_TO_SERVER)).hasSize(1);
        v.run(900);
        assertThat(h.world.server().session(v.me)).isNotNull();
        v.run(200);
        assertThat(h.world.server().session(v.me)).isNull();
        assertThat(h.world.cameras().get(0).session().ended()).isTrue();
    }

    @Test
    void kcpOfOneCamerasCallAtAnotherCameraIsTheWrongAddress() {
        SimHarness h = SimHarness.lan(2);
        VirtualViewer v = streamingViewer(h);
        v.run(200);
        byte[] seg = KcpManualSegments.directAck(v.data.conv(), 0, 0, 0);
        h.toCamera(1, v.me, MtpFrameCodec.encode(MtpFrame.standard(seg, false, true)));
        assertThat(h.violations.of(ViolationKind.WRONG_ADDRESS)).singleElement().satisfies(x -> {
            assertThat(x.peer()).isEqualTo(h.identity(1).deviceId());
            assertThat(x.detail()).contains(h.identity(0).deviceId());
        });
    }

    @Test
    void aViewerThatNeverAcknowledgesFillsTheWindowAndIsRecorded() {
        SimulatorConfig cfg = SimulatorConfig.builder()
                .cameraBehaviour(CameraBehaviour.DEFAULT.withAckStallMs(2_000))
                .build();
        SimHarness h = new SimHarness(cfg, SimHarness.fixtureSource());
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        v.ackVideo = false;
        v.startStreaming();
        v.run(1_900);
        assertThat(h.violations.of(ViolationKind.UNACKED_SEGMENTS)).isEmpty();
        v.run(200);
        assertThat(h.violations.of(ViolationKind.UNACKED_SEGMENTS)).hasSize(1);
    }

    @Test
    void aStallDuringAnOutageIsNotTheViewersFault() {
        SimulatorConfig cfg = SimulatorConfig.builder()
                .cameraBehaviour(CameraBehaviour.DEFAULT.withAckStallMs(1_000))
                .build();
        SimHarness h = new SimHarness(cfg, SimHarness.fixtureSource());
        VirtualViewer v = streamingViewer(h);
        v.run(500);
        h.world.cameras().get(0).blackout(3_000, h.now);
        v.run(6_000);
        assertThat(h.violations.all()).isEmpty();
        assertThat(v.h264().length).isGreaterThan(0);
    }

    @Test
    void aVanishedCameraIsSilentAndResumesItsStreamWhenItReturns() {
        SimHarness h = new SimHarness(noLoop().build(), SimHarness.fixtureSource());
        VirtualViewer v = streamingViewer(h);
        v.run(100);
        SimCamera cam = h.world.cameras().get(0);
        cam.vanish(h.now);
        int before = v.received.size();
        v.run(3_000);
        assertThat(v.received.size()).isEqualTo(before);
        assertThat(cam.snapshotStreaming()).isFalse();
        cam.reappear(h.now);
        runUntilComplete(v, 10_000);
        assertThat(v.h264()).isEqualTo(h.source.bytes());
        assertThat(h.violations.all()).isEmpty();
    }

    @Test
    void streamsByteForByteThroughLossDuplicationReorderingAndDelay() {
        Impairment rough =
                Impairment.loss(10).withDuplication(5).withReorderWindow(3).withDelay(15, 10);
        SimHarness h = new SimHarness(noLoop().seed(5).cameraImpairment(rough).build(), SimHarness.fixtureSource());
        VirtualViewer v = streamingViewer(h);
        runUntilComplete(v, 20_000);
        assertThat(v.h264()).isEqualTo(h.source.bytes());
        assertThat(h.violations.all()).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        Impairment rough =
                Impairment.loss(10).withDuplication(5).withReorderWindow(3).withDelay(15, 10);
        List<String> first = transcript(rough, 5);
        assertThat(transcript(rough, 5)).isEqualTo(first);
        assertThat(transcript(rough, 6)).isNotEqualTo(first);
    }

    /** Everything the camera sent to a viewer in 3 s of a seeded run, as hex. */
    private static List<String> transcript(Impairment impairment, long seed) {
        SimHarness h =
                new SimHarness(noLoop().seed(seed).cameraImpairment(impairment).build(), SimHarness.fixtureSource());
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 3);
        v.startStreaming();
        v.run(3_000);
        return v.received.stream()
                .filter(s -> !s.fromServer())
                .map(s -> HexFormat.of().formatHex(s.bytes()))
                .toList();
    }
}
