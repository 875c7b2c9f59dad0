package dev.gwellbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gwellbridge.camera.CameraStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The allowlist, the write rules and the no-secrets rule, over HTTP. */
@Timeout(30)
class WebSecurityTest {
    private static final List<String> ROUTES = List.of(
            "",
            "index.html",
            "static/app.js",
            "api/health",
            "api/cameras",
            "api/account",
            "api/logs",
            "api/debug-bundle",
            "api/cameras/front_yard/snapshot.jpg",
            "hls/front_yard/index.m3u8",
            "no/such/page");

    @TempDir
    Path dataDir;

    @Test
    void anAddressOutsideTheAllowlistGets403EverywhereButHealthzFromLoopback() throws Exception {
        try (PageFixture page = new PageFixture(dataDir, List.of(WebSettings.SUPERVISOR_INGRESS), false)) {
            page.cameras.put(TestCameras.front(CameraStatus.IDLE));
            for (String route : ROUTES) {
                assertThat(page.get(route).statusCode()).as(route).isEqualTo(403);
            }
            HttpResponse<String> post = page.post("api/cameras/front_yard/start", "{}");
            assertThat(post.statusCode()).isEqualTo(403);
            assertThat(post.body()).contains("ingress");
            assertThat(page.cameras.commands).isEmpty();
            assertThat(page.cameras.viewers).isEmpty();

            assertThat(page.get("healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theSameRoutesWorkOnceTheAddressIsAllowed() throws Exception {
        try (PageFixture page = new PageFixture(dataDir, List.of(WebSettings.SUPERVISOR_INGRESS, "127.0.0.1"), false)) {
            page.cameras.put(TestCameras.front(CameraStatus.IDLE));
            for (String route : List.of("", "static/app.js", "api/health", "api/cameras", "api/account")) {
                assertThat(page.get(route).statusCode()).as(route).isEqualTo(200);
            }
            assertThat(page.post("api/cameras/front_yard/start", "{}").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void theLoopbackSwitchAdmitsLoopbackWithoutListingIt() throws Exception {
        try (PageFixture page = new PageFixture(dataDir, List.of(WebSettings.SUPERVISOR_INGRESS), true)) {
            assertThat(page.get("api/cameras").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void crossOriginAndNonJsonWritesAre403() throws Exception {
        try (PageFixture page = PageFixture.open(dataDir)) {
            page.cameras.put(TestCameras.front(CameraStatus.IDLE));
            String url = "api/cameras/front_yard/stop";

            HttpResponse<String> crossOrigin = page.send(HttpRequest.newBuilder(page.uri(url))
                    .header("Content-Type", "application/json")
                    .header("Origin", "http://evil.example")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            HttpResponse<String> crossSite = page.send(HttpRequest.newBuilder(page.uri(url))
                    .header("Content-Type", "application/json")
                    .header("Sec-Fetch-Site", "cross-site")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            HttpResponse<String> form = page.send(HttpRequest.newBuilder(page.uri(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "http://127.0.0.1:" + page.server.port())
                    .POST(HttpRequest.BodyPublishers.ofString("a=b")));
            HttpResponse<String> textPlain = page.send(HttpRequest.newBuilder(page.uri(url))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            HttpResponse<String> noType =
                    page.send(HttpRequest.newBuilder(page.uri(url)).POST(HttpRequest.BodyPublishers.ofString("{}")));
            HttpResponse<String> credentials = page.send(HttpRequest.newBuilder(page.uri("api/credentials"))
                    .header("Content-Type", "application/json")
                    .header("Origin", "https://attacker.example:8123")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@b.c\"}")));

            assertThat(List.of(crossOrigin, crossSite, form, textPlain, noType, credentials))
                    .extracting(HttpResponse::statusCode)
                    .containsOnly(403);
            assertThat(crossOrigin.body()).contains("origin");
            assertThat(textPlain.body()).contains("application/json");
            assertThat(page.cameras.commands).isEmpty();
            assertThat(page.account.calls).isEmpty();
        }
    }

    @Test
    void aWriteFromTheIngressOriginIsAccepted() throws Exception {
        try (PageFixture page = PageFixture.open(dataDir)) {
            page.cameras.put(TestCameras.front(CameraStatus.IDLE));

            HttpResponse<String> r = page.send(HttpRequest.newBuilder(page.uri("api/cameras/front_yard/stop"))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Origin", "https://ha.example.org")
                    .header("X-Forwarded-Host", "ha.example.org")
                    .header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(page.cameras.commands).hasSize(1);
        }
    }

    @Test
    void noSecretReachesAnyPageAnswerOrLogLine() throws Exception {
        String password = "Pw-secret-7f3a91";
        String apiKey = "Key-secret-c0ffee42";
        String apiId = "Id-secret-0b5e7711";
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (PageFixture page = PageFixture.open(dataDir)) {
            page.cameras.put(TestCameras.front(CameraStatus.STREAMING));
            page.logTail.add("login attempt with " + password);
            page.account.answer = c -> dev.gwellbridge.camera.CommandResult.refused(
                    "bad_credentials", "Wyze refused the password " + c.password());

            HttpResponse<String> refused = page.send(HttpRequest.newBuilder(page.uri("api/credentials"))
                    .header("Content-Type", "application/json")
                    .header("X-Remote-User-Name", "alice")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"me@example.com\",\"password\":\"" + password
                            + "\",\"api_id\":\"" + apiId + "\",\"api_key\":\"" + apiKey + "\"}")));

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("bad_credentials").contains("***");
            StringBuilder everything = new StringBuilder(refused.body());
            for (String route : List.of(
                    "",
                    "static/app.js",
                    "static/cards.js",
                    "api/health",
                    "api/cameras",
                    "api/account",
                    "api/logs",
                    "api/debug-bundle")) {
                HttpResponse<String> r = page.get(route);
                assertThat(r.statusCode()).as(route).isEqualTo(200);
                everything.append(r.body());
            }
            assertThat(everything.toString()).doesNotContain(password, apiKey, apiId);
            assertThat(page.account.calls).hasSize(1);
        } finally {
            root.detachAppender(logs);
        }
        List<String> lines = logs.list.stream()
                .map(e -> e.getFormattedMessage() + " " + String.valueOf(e.getThrowableProxy()))
                .toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("alice").contains("password"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).containsAnyOf(password, apiKey, apiId));
    }
}
