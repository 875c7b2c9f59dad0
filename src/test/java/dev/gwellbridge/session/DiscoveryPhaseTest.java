package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.ServerAddress;
import dev.gwellbridge.wire.ServerEntry;
import dev.gwellbridge.wire.ServerListCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phase 1 (GWELL-PROTOCOL.md §7.2): list servers, probing in order, 2 s each. */
class DiscoveryPhaseTest {
    private static final Ipv4Endpoint LIST = Ipv4Endpoint.parse("127.0.0.1:51701");
    private static final Ipv4Endpoint DEAD = Ipv4Endpoint.parse("127.0.0.1:28801");

    private static Harness discovering(List<Ipv4Endpoint> lists, List<Ipv4Endpoint> p2p) {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        SessionConfig config = Harness.lanConfig()
                .server(null)
                .discovery(new DiscoveryTargets(
                        lists, p2p.stream().map(e -> new ServerAddress(e, 1)).toList()))
                .build();
        return new Harness(peers, config, Harness.entropy(3));
    }

    @Test
    void aListServersAnswerNamesTheServerToProbe() {
        Harness h = discovering(List.of(LIST), List.of(DEAD));
        // The reference's heuristic wants one public address in the list; the loopback one comes first.
        byte[] list = ServerListCodec.encode(List.of(
                ServerEntry.ipv4(new ServerAddress(Harness.SERVER, 49)),
                ServerEntry.ipv4(new ServerAddress(Ipv4Endpoint.parse("3.13.212.24:28800"), 59))));
        byte[] answer = new byte[24 + list.length];
        System.arraycopy(list, 0, answer, 24, list.length);
        h.peers.listServers.put(LIST, answer);
        h.start().runUntil(() -> h.phaseAt(SessionPhase.CERTIFY) >= 0, Harness.START + 20_000);

        assertThat(h.sentTo(LIST)).hasSize(1);
        assertThat(h.sentTo(DEAD)).isEmpty();
        assertThat(h.phaseAt(SessionPhase.CERTIFY) - Harness.START).isEqualTo(4);
    }

    @Test
    void withoutListAnswersTheBuiltInServersAreProbedInOrderTwoSecondsEach() {
        Harness h = discovering(List.of(LIST), List.of(DEAD, Harness.SERVER));
        h.start().runUntil(() -> h.phaseAt(SessionPhase.CERTIFY) >= 0, Harness.START + 20_000);

        assertThat(h.sentTo(DEAD))
                .singleElement()
                .satisfies(s -> assertThat(s.at() - Harness.START).isEqualTo(2_000));
        assertThat(h.timesOf("G:01")).containsExactly(2_000L, 4_000L);
        assertThat(h.phaseAt(SessionPhase.CERTIFY) - Harness.START).isEqualTo(4_002);
        assertThat(h.sentOfKind("G:0c")).allSatisfy(s -> assertThat(s.to()).isEqualTo(Harness.SERVER));
    }

    @Test
    void noServerAnsweringIsServerUnreachable() {
        Harness h = discovering(List.of(), List.of(DEAD, Ipv4Endpoint.parse("127.0.0.1:28802")));
        h.start().runFor(30_000);

        assertThat(h.failure()).isEqualTo(FailureReason.SERVER_UNREACHABLE);
        assertThat(h.ended().detail()).contains("2 probed");
        assertThat(h.now - Harness.START).isEqualTo(4_000);
    }

    @Test
    void aConfiguredServerIsUsedWithoutAnyProbe() {
        Harness h = Harness.lan().start();
        h.runUntil(() -> h.phaseAt(SessionPhase.CERTIFY) >= 0, Harness.START + 1_000);

        assertThat(h.phaseAt(SessionPhase.CERTIFY)).isEqualTo(Harness.START);
        assertThat(h.timesOf("G:01")).isEmpty();
    }

    @Test
    void datagramsFromElsewhereDuringDiscoveryAreCountedAndDropped() {
        Harness h = discovering(List.of(), List.of(Harness.SERVER));
        h.peers.server.answerProbes = false;
        h.start();
        h.inject(Ipv4Endpoint.parse("127.0.0.1:9"), new byte[40]);

        assertThat(h.machine.stats().malformed()).isEqualTo(1);
        assertThat(h.machine.ended()).isFalse();
    }
}
