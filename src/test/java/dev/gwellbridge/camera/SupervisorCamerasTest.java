package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The camera list: slugs, persistence across restarts, overrides, refresh, removal. */
class SupervisorCamerasTest {
    private static final CameraInfo A = Fakes.camera("0A1B2C3D4E5F", "Front Door");
    private static final CameraInfo B = Fakes.camera("AABBCCDD1234", "Front Door");

    @Test
    void camerasGetSlugsAndAreListedSortedBySlug() {
        Harness h = new Harness(Harness.onDemand(), B, A).start();
        assertThat(h.supervisor.cameras())
                .extracting(CameraState::slug)
                .containsExactly("front_door", "front_door_1234");
        assertThat(h.supervisor.find("front_door_1234"))
                .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(B.id()));
        assertThat(h.supervisor.find("aabbccdd1234"))
                .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(B.id()));
        assertThat(h.supervisor.find("gw_gc1_0a1b2c3d4e5f"))
                .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(A.id()));
        assertThat(h.supervisor.find("nope")).isEmpty();
        assertThat(h.store.saved.get(A.id())).isEqualTo(StoredCamera.firstSight("front_door"));
    }

    @Test
    void slugsSwitchesAndQualitySurviveARestartAndARename() {
        Harness h = new Harness(Harness.always(), A).start();
        h.command(A, new CameraCommand.SetQuality(Quality.SD));
        h.command(A, new CameraCommand.Stop());
        var closed = h.supervisor.shutdown();
        h.clock.runDue();
        assertThat(closed).isDone();

        Harness again = new Harness(Harness.always(), h.store, Fakes.camera("0A1B2C3D4E5F", "Renamed Porch")).start();
        CameraState s = again.state(A);
        assertThat(s.slug()).isEqualTo("front_door");
        assertThat(s.info().name()).isEqualTo("Renamed Porch");
        assertThat(s.streamOn()).isFalse();
        assertThat(s.quality()).isEqualTo(Quality.SD);
        again.advance(Duration.ofMinutes(5));
        assertThat(again.sessions(A)).as("switched off before the restart").isZero();
    }

    @Test
    void optionsOverrideNameModeQualityLanIpAndCanDisable() {
        SupervisorSettings s = Harness.onDemand()
                .withCameras(List.of(
                        new CameraSettings("0A1B2C3D4E5F", true, StreamMode.ALWAYS, Quality.SD, "10.0.0.9", "Entrance"),
                        new CameraSettings("GW_GC1_AABBCCDD1234", false, null, null, "", "")));
        Harness h = new Harness(s, A, B).start();

        CameraState a = h.state(A);
        assertThat(a.slug()).isEqualTo("entrance");
        assertThat(a.mode()).isEqualTo(StreamMode.ALWAYS);
        assertThat(a.quality()).isEqualTo(Quality.SD);
        assertThat(h.session(A).request.camera().lanIp()).isEqualTo("10.0.0.9");
        assertThat(h.session(A).request.quality()).isEqualTo(Quality.SD);

        CameraState b = h.state(B);
        assertThat(b.status()).isEqualTo(CameraStatus.DISABLED);
        assertThat(b.enabled()).isFalse();
        assertThat(h.command(B, new CameraCommand.Start()).reason()).isEqualTo("disabled");
        h.supervisor.viewerActive(B.id());
        h.advance(Duration.ofMinutes(5));
        assertThat(h.sessions(B)).isZero();
    }

    @Test
    void eachCamerasTransportPreferenceReachesItsStreamRequests() {
        SupervisorSettings s = Harness.always()
                .withCameras(List.of(
                        new CameraSettings("0A1B2C3D4E5F", true, null, null, "", "", TransportPreference.RELAY)));
        Harness h = new Harness(s, A, B).start();

        assertThat(h.session(A).request.transport()).isEqualTo(TransportPreference.RELAY);
        h.streams(A);
        h.nextSession(B, Duration.ofMinutes(1));
        assertThat(h.session(B).request.transport()).isEqualTo(TransportPreference.AUTO);
        h.streams(B);
        h.advance(Duration.ofSeconds(20));
        int before = h.sessions(A);
        assertThat(h.command(A, new CameraCommand.Restart(false)).ok()).isTrue();
        assertThat(h.sessions(A)).isGreaterThan(before);
        assertThat(h.session(A).request.transport())
                .as("a later session of the same camera")
                .isEqualTo(TransportPreference.RELAY);
    }

    @Test
    void aPinnedIpBeatsTheOptionsIp() {
        SupervisorSettings s = Harness.always()
                .withCameras(List.of(new CameraSettings("0A1B2C3D4E5F", true, null, null, "10.0.0.9", "")));
        Harness h = new Harness(s, A).start();
        h.command(A, new CameraCommand.PinLanIp("10.0.0.77"));
        h.advance(Duration.ofSeconds(20));
        h.command(A, new CameraCommand.Restart(false));
        assertThat(h.session(A).request.camera().lanIp()).isEqualTo("10.0.0.77");
    }

    @Test
    void refreshAddsNewCamerasAndRemovesThoseThatLeft() {
        Harness h = new Harness(Harness.always(), A).start();
        h.streams(A);
        h.account.cameras.clear();
        h.account.cameras.add(B);

        CommandResult r = h.run(h.supervisor.refreshCameras());

        assertThat(r.ok()).isTrue();
        assertThat(h.heard.removed).containsExactly("front_door");
        assertThat(h.session(A).closed).isTrue();
        assertThat(h.media.last().closed).isTrue();
        assertThat(h.supervisor.cameras()).extracting(CameraState::slug).containsExactly("front_door_1234");
        assertThat(h.run(h.supervisor.command(A.id(), new CameraCommand.Start()))
                        .reason())
                .isEqualTo("unknown_camera");
        h.advance(Duration.ofSeconds(15));
        assertThat(h.sessions(B)).isEqualTo(1);
    }

    @Test
    void aRefusedRefreshNamesTheCloudsReason() {
        Harness h = new Harness(Harness.always(), A).start();
        h.account.listFailure = new CredentialException("rate_limited", "Too many requests.", null);
        CommandResult r = h.run(h.supervisor.refreshCameras());
        assertThat(r.ok()).isFalse();
        assertThat(r.reason()).isEqualTo("rate_limited");
        assertThat(h.supervisor.cameras()).hasSize(1);
    }

    @Test
    void theFirstListingIsRetriedUntilTheCloudAnswers() {
        Harness h = new Harness(Harness.always(), A);
        h.account.listFailure =
                new CredentialException("not_configured", "No Wyze account is configured.", Harness.T0.plusSeconds(45));
        h.start();
        assertThat(h.supervisor.cameras()).isEmpty();
        h.advance(Duration.ofSeconds(44));
        assertThat(h.account.listCalls.get()).isEqualTo(1);
        h.advance(Duration.ofSeconds(2));
        assertThat(h.account.listCalls.get()).isEqualTo(2);

        h.account.listFailure = null;
        Instant secondFailure = Harness.T0.plusSeconds(45);
        h.clock.advanceUntil(() -> !h.supervisor.cameras().isEmpty(), Duration.ofMinutes(1));
        assertThat(Duration.between(secondFailure, h.now()).toMillis())
                .as("second step of the backoff")
                .isBetween(27_000L, 33_000L);
        assertThat(h.sessions(A)).isEqualTo(1);
    }
}
