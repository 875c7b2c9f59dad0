package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.wire.DeviceEntry;
import dev.gwellbridge.wire.DeviceList;
import dev.gwellbridge.wire.DeviceListCodec;
import dev.gwellbridge.wire.GutesCipher;
import dev.gwellbridge.wire.InitInfoMsg;
import dev.gwellbridge.wire.SubscribeDeviceId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phase 3 (GWELL-PROTOCOL.md §6.4, §11.9): routing id, device list, target selection. */
class InitInfoPhaseTest {

    @Test
    void leavesAsSoonAsRoutingIdAndDeviceListAreKnown() {
        Harness h = Harness.lan().start();
        h.runUntil(() -> h.phaseAt(SessionPhase.NETWORK_DETECT) >= 0, Harness.START + 10_000);

        assertThat(h.phaseAt(SessionPhase.NETWORK_DETECT) - h.phaseAt(SessionPhase.INIT_INFO))
                .isEqualTo(2);
        assertThat(h.events).anySatisfy(e -> assertThat(e).isInstanceOf(SessionEvent.Discovered.class));
    }

    @Test
    void aPresuppliedDeviceListCoversAServerThatSkipsTheList() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.sendDeviceList = false;
        SessionConfig config =
                Harness.lanConfig().knownDevices(peers.server.devices).build();
        Harness h = new Harness(peers, config, Harness.entropy(4)).start();
        h.runUntil(() -> h.phaseAt(SessionPhase.NETWORK_DETECT) >= 0, Harness.START + 10_000);

        assertThat(h.phaseAt(SessionPhase.NETWORK_DETECT) - h.phaseAt(SessionPhase.INIT_INFO))
                .isEqualTo(2);
        assertThat(h.events).noneMatch(e -> e instanceof SessionEvent.Discovered);
    }

    @Test
    void noDeviceListAtAllFailsAfterFourRepeatsAndTheThreeSecondRead() {
        Harness h = Harness.lan();
        h.peers.server.sendDeviceList = false;
        h.start().runFor(10_000);

        assertThat(h.failure()).isEqualTo(FailureReason.DEVICE_NOT_FOUND);
        long initInfo = h.phaseAt(SessionPhase.INIT_INFO) - Harness.START;
        assertThat(h.timesOf("G:a6"))
                .containsExactly(initInfo, initInfo + 1_000, initInfo + 2_000, initInfo + 3_000, initInfo + 4_000);
        assertThat(h.now - h.phaseAt(SessionPhase.INIT_INFO)).isEqualTo(7_002);
    }

    @Test
    void aLostDeviceListIsAskedForAgainAndTheSessionGoesOn() {
        Harness h = Harness.lan();
        h.peers.server.sendDeviceList = false;
        h.start()
                .runUntil(
                        () -> h.peers.server.received.stream().anyMatch(InitInfoMsg.class::isInstance),
                        Harness.START + 10_000);
        h.runFor(100);
        h.peers.server.sendDeviceList = true;
        h.runUntil(() -> h.phaseAt(SessionPhase.NETWORK_DETECT) >= 0, Harness.START + 20_000);

        assertThat(h.timesOf("G:a6")).hasSize(2);
        assertThat(h.phaseAt(SessionPhase.NETWORK_DETECT) - h.phaseAt(SessionPhase.INIT_INFO))
                .isEqualTo(1_002);
        List<Integer> sqnums = h.peers.server.received.stream()
                .filter(InitInfoMsg.class::isInstance)
                .map(m -> ((InitInfoMsg) m).sqnum())
                .toList();
        assertThat(sqnums).as("the same request again").containsExactly(sqnums.get(0), sqnums.get(0));
        assertThat(h.failure()).isNull();
    }

    @Test
    void aPresuppliedDeviceListMeansNoRepeat() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.sendDeviceList = false;
        peers.server.sendRoutingId = false;
        SessionConfig config =
                Harness.lanConfig().knownDevices(peers.server.devices).build();
        Harness h = new Harness(peers, config, Harness.entropy(6)).start();
        h.runUntil(() -> h.phaseAt(SessionPhase.NETWORK_DETECT) >= 0, Harness.START + 10_000);

        assertThat(h.timesOf("G:a6")).hasSize(1);
    }

    @Test
    void withoutARoutingIdItWaitsTheReadOutAndLaterFramesCarryTheAccessId() {
        Harness h = Harness.lan();
        h.peers.server.sendRoutingId = false;
        h.start().runUntil(() -> h.phaseAt(SessionPhase.SUBSCRIBE) >= 0, Harness.START + 10_000);
        h.runFor(10);

        assertThat(h.phaseAt(SessionPhase.NETWORK_DETECT) - h.phaseAt(SessionPhase.INIT_INFO))
                .isEqualTo(3_002);
        assertThat(h.peers.server.received)
                .filteredOn(SubscribeDeviceId.class::isInstance)
                .singleElement()
                .satisfies(m ->
                        assertThat(((SubscribeDeviceId) m).route().routed()).isFalse());
    }

    @Test
    void aListWithoutTheCameraFailsAndNamesWhatItHas() {
        Harness h = Harness.lan();
        h.peers.server.devices = List.of(
                new DeviceEntry(11, 1, 0, "GW_GC1_111111111111"), new DeviceEntry(12, 1, 0, "GW_GC1_222222222222"));
        h.start().runFor(10_000);

        assertThat(h.failure()).isEqualTo(FailureReason.DEVICE_NOT_FOUND);
        assertThat(h.ended().detail()).contains("GW_GC1_111111111111").contains(FakePeers.DEVICE_ID);
    }

    @Test
    void targetSelectionMatchesExactlyOrIgnoringCaseOrTakesTheOnlyDevice() {
        DeviceEntry a = new DeviceEntry(1, 0, 0, "GW_GC1_0A1B2C3D4E5F");
        DeviceEntry b = new DeviceEntry(2, 0, 0, "GW_BE1_0A1B2C3D4E60");
        assertThat(InitInfoPhase.select(List.of(b, a), "GW_GC1_0A1B2C3D4E5F")).contains(a);
        assertThat(InitInfoPhase.select(List.of(b, a), "gw_gc1_0a1b2c3d4e5f")).contains(a);
        assertThat(InitInfoPhase.select(List.of(b), "GW_GC1_0A1B2C3D4E5F")).contains(b);
        assertThat(InitInfoPhase.select(List.of(b, a), "GW_GC2_000000000000")).isEmpty();
    }

    @Test
    void aDiscoverySessionEndsAfterInitInfoWithTheDeviceList() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        SessionConfig config = Harness.lanConfig().mode(SessionMode.DISCOVERY).build();
        Harness h = new Harness(peers, config, Harness.entropy(5)).start();
        h.runFor(10_000);

        assertThat(h.failure()).isNull();
        assertThat(h.ended()).isNotNull();
        assertThat(h.events)
                .filteredOn(SessionEvent.Discovered.class::isInstance)
                .singleElement()
                .satisfies(e -> {
                    SessionEvent.Discovered d = (SessionEvent.Discovered) e;
                    assertThat(d.server()).isEqualTo(Harness.SERVER);
                    assertThat(d.devices()).isEqualTo(peers.server.devices);
                });
        assertThat(h.timesOf("G:a4")).isEmpty();
    }

    @Test
    void aGarbageDeviceListFromAnotherSessionIsIgnored() {
        Harness h = Harness.lan();
        h.peers.server.sendDeviceList = false;
        h.start().runUntil(() -> h.peers.server.sessionKey != null && h.sent.size() >= 2, Harness.START + 100);
        byte[] plain =
                DeviceListCodec.INSTANCE.encodePlain(DeviceList.of(1, 2, List.of(new DeviceEntry(9, 0, 0, "X"))));
        Le.putInt32(plain, 28, 40);
        Le.putInt32(plain, 20, 0x00220000);
        h.inject(Harness.SERVER, GutesCipher.seal(plain, h.peers.server.sessionKey));
        h.runFor(10_000);

        assertThat(h.machine.stats().malformed()).isEqualTo(1);
        assertThat(h.failure()).isEqualTo(FailureReason.DEVICE_NOT_FOUND);
    }
}
