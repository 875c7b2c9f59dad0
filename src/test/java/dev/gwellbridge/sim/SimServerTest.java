package dev.gwellbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.wire.CallingAck;
import dev.gwellbridge.wire.CertifyResp;
import dev.gwellbridge.wire.DetectReq2;
import dev.gwellbridge.wire.DetectResp;
import dev.gwellbridge.wire.DeviceEntry;
import dev.gwellbridge.wire.DeviceList;
import dev.gwellbridge.wire.DeviceListCodec;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesCipher;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesCodecs;
import dev.gwellbridge.wire.GutesFlags;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.GutesMode;
import dev.gwellbridge.wire.GutesRoute;
import dev.gwellbridge.wire.Heartbeat;
import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.NetworkDetect;
import dev.gwellbridge.wire.Octets;
import dev.gwellbridge.wire.PassthroughControl;
import dev.gwellbridge.wire.PortStatReq;
import dev.gwellbridge.wire.RelayEntry;
import dev.gwellbridge.wire.ResRequest;
import dev.gwellbridge.wire.ResResponse;
import dev.gwellbridge.wire.RoutingId;
import dev.gwellbridge.wire.SessionSocket;
import dev.gwellbridge.wire.SubscribeDeviceId;
import dev.gwellbridge.wire.SubscribeResp;
import dev.gwellbridge.wire.SubscribeToken;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The server's answer to each request type, built and read with the protocol codecs (§13.1). */
class SimServerTest {

    @Test
    void acceptsAValidCertifyReqWithAMode1CertifyResp() {
        SimHarness h = SimHarness.lan(1);
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        CertifyResp resp = v.certify();
        assertThat(resp).isNotNull();
        assertThat(resp.success()).isTrue();
        assertThat(resp.certifySessionId()).isNotZero();
        assertThat(GutesMode.ofFlags(resp.flags())).isEqualTo(GutesMode.FRAME_KEY);
        assertThat(v.received.get(0).bytes()).hasSize(48);
        assertThat(h.violations.all()).isEmpty();
    }

    @Test
    void answersInitInfoWithTheRoutingIdThenTheAccountsDeviceList() {
        SimHarness h = SimHarness.lan(2);
        VirtualViewer v = new VirtualViewer(h, 1, SimHarness.client(1), 1);
        v.certify();
        List<GutesMessage> answers = v.initInfo();
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0)).isInstanceOf(RoutingId.class);
        assertThat(((RoutingId) answers.get(0)).routingId()).isNotZero();
        DeviceList list = (DeviceList) answers.get(1);
        CameraIdentity cam = h.identity(1);
        assertThat(list.devices()).containsExactly(new DeviceEntry(cam.tid(), 0, 0, cam.deviceId()));
        assertThat(GutesMode.ofFlags(list.flags())).isEqualTo(GutesMode.SESSION_KEY);
    }

    @Test
    void aSharedAccountListsEveryCamera() {
        SimHarness h = new SimHarness(
                SimulatorConfig.builder().cameras(3).sharedAccount(true).build(), SimHarness.fixtureSource());
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        v.certify();
        v.initInfo();
        assertThat(v.deviceList.devices())
                .extracting(DeviceEntry::name)
                .containsExactly(
                        h.identity(0).deviceId(),
                        h.identity(1).deviceId(),
                        h.identity(2).deviceId());
    }

    @Test
    void answersEachSubscribeFrameWithOneSubscribeResp() {
        SimHarness h = SimHarness.lan(1);
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        v.certify();
        v.initInfo();
        GutesRoute route = GutesRoute.routing(v.routingId);
        List<GutesMessage> first = v.request(
                GutesCodecs.encode(new SubscribeDeviceId(route, v.sqnum++, v.credentials.accessId()), v.sessionKey));
        List<GutesMessage> second = v.request(GutesCodecs.encode(
                new SubscribeToken(route, v.sqnum++, Octets.of(v.credentials.extraTokenData())), v.sessionKey));
        assertThat(first).singleElement().isInstanceOf(SubscribeResp.class);
        assertThat(second).singleElement().isInstanceOf(SubscribeResp.class);
    }

    @Test
    void answersCallingWithTheCameraAddressAndItsPortsAndTheTcpRelay() {
        SimHarness h = SimHarness.lan(2);
        VirtualViewer v = new VirtualViewer(h, 1, SimHarness.client(1), 1);
        v.certify();
        v.initInfo();
        List<GutesMessage> answers = v.call();
        assertThat(answers).hasSize(2);
        Ipv4Endpoint cam =
                new Ipv4Endpoint(Ipv4.parse("127.0.0.1"), SimHarness.camera(1).getPort());
        assertThat(((CallingAck) answers.get(0)).peer()).isEqualTo(cam);
        ResResponse res = (ResResponse) answers.get(1);
        assertThat(res.outerPort()).isEqualTo(cam.port());
        assertThat(res.lanPort()).isEqualTo(cam.port());
        assertThat(res.sessionPort()).isEqualTo(cam.port());
        assertThat(res.outerIp()).isEqualTo(cam.ip());
        assertThat(res.relays()).singleElement().satisfies(r -> {
            assertThat(r.tcp()).isTrue();
            assertThat(r.flags()).isEqualTo(RelayEntry.FLAG_TCP);
            assertThat(r.endpoint()).isEqualTo(new Ipv4Endpoint(Ipv4.parse("127.0.0.1"), SimHarness.SERVER.getPort()));
        });
        assertThat(h.world.cameras().get(1).session().call().linkId()).isEqualTo(v.linkId);
        assertThat(h.world.cameras().get(0).session()).isNull();
    }

    @Test
    void answersRelayOnlyCallingWithAnEmptyAddressAndNoResResponse() {
        SimHarness h = new SimHarness(
                SimulatorConfig.builder().mode(SimMode.RELAY_ONLY).build(), SimHarness.fixtureSource());
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        v.certify();
        v.initInfo();
        List<GutesMessage> answers = v.call();
        assertThat(answers).singleElement().isInstanceOf(CallingAck.class);
        assertThat(((CallingAck) answers.get(0)).peer()).isEqualTo(new Ipv4Endpoint(Ipv4.ANY, 0));
        assertThat(h.identity(0).deviceId()).startsWith("GW_BE1_");
    }

    @Test
    void answersDetectReq2WithAMode1DetectResp() throws Exception {
        SimHarness h = SimHarness.lan(1);
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        DetectReq2 probe = DetectReq2.random(new SplittableRandom(5));
        h.toServer(v.me, GutesCodecs.encode(probe, null));
        h.advance(5);
        List<RecordingOutput.Sent> sent = h.out.take();
        assertThat(sent)
                .singleElement()
                .satisfies(s -> assertThat(s.bytes().length).isGreaterThanOrEqualTo(24));
        GutesMessage m = GutesClassifier.atClient(sent.get(0).bytes(), null);
        assertThat(m).isInstanceOf(DetectResp.class);
        assertThat(GutesMode.ofFlags(((DetectResp) m).flags())).isEqualTo(GutesMode.FRAME_KEY);
    }

    @Test
    void acceptsKeepalivesAndControlFramesWithoutAnswering() {
        SimHarness h = SimHarness.lan(1);
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        v.login();
        long tid = h.identity(0).tid();
        long accessId = v.credentials.accessId();
        List<GutesMessage> requests = List.of(
                new Heartbeat(accessId, v.sqnum++),
                new ResRequest(v.routingId, v.linkId, accessId, tid),
                new PortStatReq(v.routingId, tid, v.linkId),
                SessionSocket.of(v.routingId, tid, v.linkId, SessionSocket.SUB_ONLINE, List.of()),
                new PassthroughControl(
                        v.routingId, v.sqnum++, tid, accessId, PassthroughControl.COMMAND_OPEN, v.linkId),
                NetworkDetect.of(GutesRoute.routing(v.routingId), v.sqnum++, 0, tid, accessId, Ipv4.parse("10.0.0.2")));
        for (GutesMessage m : requests) {
            assertThat(v.request(GutesCodecs.encode(m, v.sessionKey)))
                    .as("%s", m)
                    .isEmpty();
        }
        assertThat(h.violations.all()).isEmpty();
    }

    @Test
    void deviceListCachingSkipsTheListForASecondSessionOfTheAccount() {
        SimulatorConfig cfg = SimulatorConfig.builder()
                .serverBehaviour(ServerBehaviour.DEFAULT.withDeviceListCaching(true))
                .build();
        SimHarness h = new SimHarness(cfg, SimHarness.fixtureSource());
        VirtualViewer first = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        first.certify();
        assertThat(first.initInfo()).hasSize(2);
        assertThat(first.initInfo()).as("the same session asking again").hasSize(2);
        VirtualViewer second = new VirtualViewer(h, 0, SimHarness.client(2), 2);
        second.certify();
        assertThat(second.initInfo()).singleElement().isInstanceOf(RoutingId.class);
    }

    @Test
    void ignoresDetectReq2ShortlyAfterALogin() {
        SimulatorConfig cfg = SimulatorConfig.builder()
                .serverBehaviour(ServerBehaviour.DEFAULT.withDetectIgnoreWindowMs(2_000))
                .build();
        SimHarness h = new SimHarness(cfg, SimHarness.fixtureSource());
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        v.certify();
        byte[] probe = GutesCodecs.encode(DetectReq2.random(new SplittableRandom(1)), null);
        assertThat(v.request(probe)).isEmpty();
        h.advance(2_000);
        assertThat(v.request(probe)).singleElement().isInstanceOf(DetectResp.class);
    }

    @Test
    void strayFramesOfOtherSessionsAreSentAndNoneClassifiesAtAValidatingClient() throws FrameException {
        SimulatorConfig cfg = SimulatorConfig.builder()
                .serverBehaviour(ServerBehaviour.DEFAULT.withStrayIntervalMs(100))
                .build();
        SimHarness h = new SimHarness(cfg, SimHarness.fixtureSource());
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        v.certify();
        List<GutesMessage> answers = v.initInfo();
        assertThat(answers.get(0)).isInstanceOf(RoutingId.class);
        assertThat(answers.get(1)).isInstanceOf(DeviceList.class);
        assertThat(answers.subList(2, answers.size()))
                .as("a stray after them classifies only as a SubscribeResp, which a client just logs")
                .allMatch(m -> m instanceof SubscribeResp);
        assertThat(v.deviceList.devices()).hasSize(1);
        h.out.take();
        h.advance(3_000);
        List<RecordingOutput.Sent> strays = h.out.take();
        assertThat(strays).hasSizeGreaterThanOrEqualTo(29);
        int bit21 = 0;
        int push = 0;
        for (RecordingOutput.Sent s : strays) {
            int subtype = s.bytes()[1] & 0xFF;
            if (subtype == GutesMessage.SUB_PUSH) {
                push++;
                assertThatThrownBy(() -> GutesClassifier.atClient(s.bytes(), v.sessionKey))
                        .hasMessageContaining("push");
                continue;
            }
            bit21++;
            byte[] plain = GutesCipher.robustDecrypt(s.bytes(), v.sessionKey).frame();
            assertThat(Le.int32(plain, 20) & GutesFlags.SKIP_CHECKSUM).isNotZero();
            if (subtype == GutesMessage.SUB_INIT_INFO_RESP) {
                long count = Le.uint32(plain, 28);
                assertThat(count).isGreaterThan(DeviceList.MAX_DEVICES);
                assertThat(DeviceListCodec.parsePayload(Arrays.copyOfRange(plain, 24, plain.length)))
                        .isEmpty();
            }
            if (subtype != GutesMessage.SUB_SUBSCRIBE_RESP) {
                assertThatThrownBy(() -> GutesClassifier.atClient(s.bytes(), v.sessionKey))
                        .isInstanceOf(FrameException.class);
            }
        }
        assertThat(push).isPositive();
        assertThat(bit21).isPositive();
    }

    @Test
    void callingForADeviceOutsideTheAccountIsRecordedAndUnanswered() {
        SimHarness h = SimHarness.lan(2);
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        v.certify();
        v.initInfo();
        VirtualViewer wrong = new VirtualViewer(h, 1, SimHarness.client(1), 1);
        wrong.sessionKey = v.sessionKey;
        wrong.routingId = v.routingId;
        wrong.sqnum = v.sqnum;
        assertThat(wrong.call()).isEmpty();
        assertThat(h.violations.of(ViolationKind.CALLING_UNKNOWN_DEVICE)).hasSize(1);
    }

    @Test
    void aServerBlackoutLosesRequestsUntilItEnds() {
        SimHarness h = SimHarness.lan(1);
        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 1);
        h.world.server().blackout(1_000, h.now);
        assertThat(v.certify()).isNull();
        h.advance(1_000);
        assertThat(v.certify().success()).isTrue();
    }
}
