package dev.gwellbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.camera.AccountCredentials;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.CloudStatus;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.config.Secrets;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bridge, account and diagnostics routes over HTTP with fakes behind them. */
@Timeout(30)
class BridgeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private PageFixture page;

    @BeforeEach
    void open() {
        page = PageFixture.open(dataDir);
        page.cameras.put(TestCameras.front(CameraStatus.IDLE));
    }

    @AfterEach
    void close() {
        page.close();
    }

    @Test
    void healthzFollowsTheProcessLoopOnly() throws Exception {
        page.cameras.put(TestCameras.doorFailing());
        HttpResponse<String> ok = page.get("healthz");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("status").asText()).isEqualTo("ok");

        page.alive.set(false);
        HttpResponse<String> dead = page.get("healthz");
        assertThat(dead.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(dead.body()).get("status").asText()).isEqualTo("dead");
    }

    @Test
    void healthShowsTheBridgeStatus() throws Exception {
        page.bridge.set(TestCameras.bridge(List.of("rtsp_port: expected a port 1-65535, got 70000")));

        HttpResponse<String> r = page.get("api/health");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = JSON.readTree(r.body());
        assertThat(b.get("status").asText()).isEqualTo("ok");
        assertThat(b.get("version").asText()).isEqualTo("0.1.0-test");
        assertThat(b.get("uptime_s").asLong()).isEqualTo(3600);
        assertThat(b.get("handshake_queue").asInt()).isEqualTo(1);
        assertThat(b.at("/mqtt/broker").asText()).isEqualTo("core-mosquitto:1883");
        assertThat(b.at("/mqtt/connected").asBoolean()).isTrue();
        assertThat(b.at("/mqtt/base_topic").asText()).isEqualTo("wyzegw");
        assertThat(b.at("/mqtt/discovery_prefix").asText()).isEqualTo("homeassistant");
        assertThat(b.at("/cloud/auth").asText()).isEqualTo("ok");
        assertThat(b.at("/cameras/streaming").asInt()).isEqualTo(1);
        assertThat(b.get("problems").get(0).asText()).isEqualTo("rtsp_port: expected a port 1-65535, got 70000");
    }

    @Test
    void announceAndRefreshCallTheirBackends() throws Exception {
        HttpResponse<String> announce = page.post("api/announce", "{}");
        HttpResponse<String> refresh = page.post("api/refresh", "{}");

        assertThat(announce.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(announce.body()).get("message").asText())
                .isEqualTo("Discovery and states republished.");
        assertThat(refresh.statusCode()).isEqualTo(200);
        assertThat(page.announces.get()).isEqualTo(1);
        assertThat(page.cameras.refreshes.get()).isEqualTo(1);
    }

    @Test
    void announceWithMqttOffIsRefusedWithItsReason() throws Exception {
        page.announceAnswer.set(CommandResult.refused("mqtt_off", "MQTT is off: no broker configured."));

        HttpResponse<String> r = page.post("api/announce", "{}");

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(r.body()).get("reason").asText()).isEqualTo("mqtt_off");
    }

    @Test
    void credentialsAreTestedAndOnlyTheirPresenceIsShown() throws Exception {
        String body = "{\"email\":\"me@example.com\",\"password\":\"Pw-unit-81723\",\"api_id\":\"id-unit-5521\","
                + "\"api_key\":\"key-unit-99431\",\"totp_key\":\"\"}";

        HttpResponse<String> r = page.post("api/credentials", body);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(page.account.calls)
                .containsExactly(new AccountCredentials(
                        "me@example.com", "Pw-unit-81723", "id-unit-5521", "key-unit-99431", ""));
        JsonNode out = JSON.readTree(r.body());
        assertThat(out.get("ok").asBoolean()).isTrue();
        assertThat(out.at("/account/password_set").asBoolean()).isTrue();
        assertThat(out.at("/account/api_key_set").asBoolean()).isTrue();
        assertThat(out.at("/account/totp_key_set").asBoolean()).isFalse();
        assertThat(out.at("/account/source").asText()).isEqualTo("page");
        HttpResponse<String> account = page.get("api/account");
        assertThat(JSON.readTree(account.body()).get("email").asText()).isEqualTo("me@example.com");
        for (String text : List.of(r.body(), account.body())) {
            assertThat(text).doesNotContain("Pw-unit-81723", "key-unit-99431", "id-unit-5521");
        }
    }

    @Test
    void acceptedCredentialsRefreshTheCameraListAtOnce() throws Exception {
        HttpResponse<String> r = page.post(
                "api/credentials",
                "{\"email\":\"me@example.com\",\"password\":\"Pw-unit-2291\",\"api_id\":\"id-unit-1\","
                        + "\"api_key\":\"key-unit-2\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(page.cameras.refreshes).hasValue(1);
    }

    @Test
    void aRefusedLoginShowsTheExactReasonAndRetryTime() throws Exception {
        Instant retry = Instant.parse("2026-11-24T10:05:00Z");
        page.account.answer = c -> {
            page.account.status = new CloudStatus("rate_limited", "Wyze answered 429.", retry, 3, "page");
            return CommandResult.refused("rate_limited", "Wyze is rate limiting logins; retry after 10:05.");
        };

        HttpResponse<String> r =
                page.post("api/credentials", "{\"email\":\"me@example.com\",\"password\":\"x1y2z3w4\"}");

        assertThat(r.statusCode()).isEqualTo(409);
        JsonNode out = JSON.readTree(r.body());
        assertThat(out.get("reason").asText()).isEqualTo("rate_limited");
        assertThat(out.get("backoff_until").asText()).isEqualTo("2026-11-24T10:05:00Z");
        assertThat(out.at("/account/password_set").asBoolean()).isFalse();
        assertThat(page.cameras.refreshes).hasValue(0);
    }

    @Test
    void anInvalidEmailIsRefusedBeforeAnyLogin() throws Exception {
        HttpResponse<String> r = page.post("api/credentials", "{\"email\":\"not-an-address\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("message").asText()).isEqualTo("email: expected an e-mail address");
        assertThat(page.account.calls).isEmpty();
    }

    @Test
    void logTailAndDebugBundleMaskSecrets() throws Exception {
        Secrets.register("tok-unit-31337");
        page.logTail.add("10:00:00 INFO cloud - logged in");
        page.logTail.add("10:00:01 DEBUG cloud - token tok-unit-31337 refreshed");
        page.bridge.set(TestCameras.bridge(List.of("mqtt.port: expected a port")));

        HttpResponse<String> logs = page.get("api/logs");
        HttpResponse<String> bundle = page.get("api/debug-bundle");

        assertThat(JSON.readTree(logs.body()).get("lines"))
                .extracting(JsonNode::asText)
                .containsExactly("10:00:00 INFO cloud - logged in", "10:00:01 DEBUG cloud - token *** refreshed");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"gwell-bridge-debug-20261124-100000.json\"");
        JsonNode b = JSON.readTree(bundle.body());
        assertThat(b.get("generated_at").asText()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(b.get("cameras").get(0).get("slug").asText()).isEqualTo("front_yard");
        assertThat(b.get("options_problems").get(0).asText()).isEqualTo("mqtt.port: expected a port");
        assertThat(b.at("/bridge/mqtt/broker").asText()).isEqualTo("core-mosquitto:1883");
        assertThat(b.get("log_tail").get(1).asText()).isEqualTo("10:00:01 DEBUG cloud - token *** refreshed");
        assertThat(bundle.body()).doesNotContain("tok-unit-31337");
    }
}
