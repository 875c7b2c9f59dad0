package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.wire.CertifyCheck;
import dev.gwellbridge.wire.GutesMode;
import org.junit.jupiter.api.Test;

/** Certify (GWELL-PROTOCOL.md §11.2): the read counting rules, on the virtual clock. */
class CertifyPhaseTest {

    @Test
    void movesOnAtTheAcceptedCertifyResp() {
        Harness h = Harness.lan().start();
        h.runUntil(() -> h.phaseAt(SessionPhase.INIT_INFO) >= 0, Harness.START + 10_000);

        assertThat(h.phaseAt(SessionPhase.INIT_INFO) - Harness.START).isEqualTo(2);
        assertThat(h.peers.server.certifyChecks)
                .singleElement()
                .satisfies(c -> assertThat(c.allOk()).isTrue());
    }

    @Test
    void bothAnswersLostSendsTheFallbackAtFiveSecondsAndFailsAtTen() {
        Harness h = Harness.lan();
        h.peers.server.certifyAnswersToDrop = 2;
        h.start().runFor(20_000);

        assertThat(h.timesOf("G:0c")).containsExactly(0L, 5_000L);
        CertifyCheck fallback = h.peers.server.certifyChecks.get(1);
        assertThat(fallback.mode()).isEqualTo(GutesMode.ID_ONLY);
        assertThat(fallback.request().sqnum()).isEqualTo(2);
        assertThat(fallback.request().sessionKey())
                .isNotEqualTo(h.peers.server.certifyChecks.get(0).request().sessionKey());
        assertThat(h.failure()).isEqualTo(FailureReason.SERVER_UNREACHABLE);
        assertThat(h.ended().detail()).contains("no CertifyResp").contains("after 2 reads");
        assertThat(h.now - Harness.START).isEqualTo(10_000);
    }

    @Test
    void aServerThatAnsweredTheProbeButIgnoresTheLoginRefusesTheCredential() {
        FakePeers peers = new FakePeers(Harness.SERVER, Harness.CAMERA);
        peers.server.certifyAnswersToDrop = 2;
        SessionConfig config = Harness.lanConfig()
                .server(null)
                .discovery(new DiscoveryTargets(
                        java.util.List.of(),
                        java.util.List.of(new dev.gwellbridge.wire.ServerAddress(Harness.SERVER, 1))))
                .build();
        Harness h = new Harness(peers, config, Harness.entropy(2)).start();
        h.runFor(20_000);

        assertThat(h.failure()).isEqualTo(FailureReason.AUTH);
        assertThat(h.ended().detail()).contains("did not accept the login");
    }

    @Test
    void anErrorCodeUsesUpOneReadTriggersNoFallbackAndFailsFiveSecondsLater() {
        Harness h = Harness.lan();
        h.peers.server.certifyErrorCode = 3;
        h.start().runFor(20_000);

        assertThat(h.timesOf("G:0c")).containsExactly(0L);
        assertThat(h.failure()).isEqualTo(FailureReason.AUTH);
        assertThat(h.ended().detail()).contains("error 3");
        assertThat(h.now - Harness.START).isEqualTo(5_002);
    }

    @Test
    void firstLostThenAnErrorFailsAtTenSecondsAfterThreeReads() {
        Harness h = Harness.lan();
        h.peers.server.certifyAnswersToDrop = 1;
        h.peers.server.certifyErrorCode = 3;
        h.start().runFor(20_000);

        assertThat(h.timesOf("G:0c")).containsExactly(0L, 5_000L);
        assertThat(h.failure()).isEqualTo(FailureReason.AUTH);
        assertThat(h.now - Harness.START).isEqualTo(10_002);
    }

    @Test
    void theFallbackLoginIsUsedWithItsOwnSessionKey() {
        Harness h = Harness.lan();
        h.peers.server.certifyAnswersToDrop = 1;
        h.peers.camera.setVideo(LanSessionTest.h264(3_000, 1));
        h.start().runUntil(() -> h.video.size() == 3_000, Harness.START + 30_000);

        assertThat(h.failure()).isNull();
        assertThat(h.video.size()).isEqualTo(3_000);
    }

    @Test
    void threeUnusableDatagramsEndTheSession() {
        Harness h = Harness.lan();
        h.peers.server.certifyAnswersToDrop = 5;
        h.start();
        for (int i = 0; i < 3; i++) {
            h.inject(Harness.SERVER, new byte[] {0x7F, 0x0C, 1, 2});
        }

        assertThat(h.failure()).isEqualTo(FailureReason.AUTH);
        assertThat(h.ended().detail()).contains("after 3 reads");
        assertThat(h.machine.stats().malformed()).isEqualTo(3);
    }
}
