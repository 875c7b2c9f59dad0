package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** Against a local stand-in for the Supervisor that answers with recorded-shape payloads. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SupervisorClientTest {
    private static final String TOKEN = "sv-token-9b1e2f7c4d";
    private static final String MQTT_PASSWORD = "Eiph9ahd3Quoh0iel3ahfai6ohtheec2";

    private HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SupervisorClient.class);
    private Level previousLevel;

    private record Answer(int status, String body, boolean hang) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        logs.start();
        logger.addAppender(logs);
        previousLevel = logger.getLevel();
        logger.setLevel(Level.TRACE);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        logger.detachAppender(logs);
        logger.setLevel(previousLevel);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        Answer a = answers.getOrDefault(exchange.getRequestURI().getPath(), new Answer(404, "", false));
        if (a.hang()) {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private void answer(String path, int status, String resource) throws IOException {
        answers.put(path, new Answer(status, resource(resource), false));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SupervisorClientTest.class.getResourceAsStream("/supervisor/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private SupervisorClient client() {
        return client(Duration.ofSeconds(5));
    }

    private SupervisorClient client(Duration timeout) {
        return new SupervisorClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), TOKEN, timeout);
    }

    @Test
    void readsTheMqttServiceWithTheBearerToken() throws IOException {
        answer("/services/mqtt", 200, "services-mqtt.json");
        SupervisorResult<MqttService> result = client().mqttService();
        assertThat(result.reason()).isEmpty();
        assertThat(result.value())
                .contains(new MqttService(
                        "core-mosquitto", 1883, false, "addons", MQTT_PASSWORD, "3.1.1", "core_mosquitto"));
        assertThat(requests).containsExactly("GET /services/mqtt");
        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
    }

    @Test
    void theBrokerPasswordAndTheTokenAreRegisteredAndNeverLogged() throws IOException {
        answer("/services/mqtt", 200, "services-mqtt.json");
        MqttService service = client().mqttService().value().orElseThrow();
        assertThat(Secrets.redact("pw " + MQTT_PASSWORD + " token " + TOKEN)).isEqualTo("pw *** token ***");
        assertThat(service.toString()).doesNotContain(MQTT_PASSWORD).contains("password=<set>");
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .allSatisfy(m -> assertThat(m).doesNotContain(MQTT_PASSWORD, TOKEN))
                .anySatisfy(m -> assertThat(m).contains("core-mosquitto:1883"));
    }

    @Test
    void noMqttProviderIsAPlainReason() throws IOException {
        answer("/services/mqtt", 400, "services-mqtt-none.json");
        SupervisorResult<MqttService> result = client().mqttService();
        assertThat(result.value()).isEmpty();
        assertThat(result.reason()).isEqualTo("no MQTT service is installed (Supervisor: No MQTT service available)");
    }

    @Test
    void aRefusedTokenSaysWhatIsMissing() {
        answers.put("/services/mqtt", new Answer(403, "{\"result\":\"error\",\"message\":\"Forbidden\"}", false));
        assertThat(client().mqttService().reason())
                .isEqualTo("the Supervisor refused /services/mqtt (HTTP 403) (Supervisor: Forbidden);"
                        + " the add-on needs 'services: mqtt:want'");
    }

    @Test
    void withoutATokenNothingIsAskedAndEveryLookupSaysWhy() {
        SupervisorClient outside = SupervisorClient.fromEnvironment(Map.of("HOME", "/root"));
        assertThat(outside.available()).isFalse();
        assertThat(outside.mqttService().reason()).isEqualTo(SupervisorClient.NOT_AN_ADDON);
        assertThat(outside.primaryIpv4().reason()).isEqualTo(SupervisorClient.NOT_AN_ADDON);
        assertThat(outside.selfInfo().reason()).isEqualTo(SupervisorClient.NOT_AN_ADDON);
        assertThat(requests).isEmpty();
        assertThat(SupervisorClient.fromEnvironment(Map.of("SUPERVISOR_TOKEN", "env-token-77a1"))
                        .available())
                .isTrue();
    }

    @Test
    void anUnreachableSupervisorIsAReasonNotAnException() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        SupervisorClient client =
                new SupervisorClient(URI.create("http://127.0.0.1:" + closedPort), TOKEN, Duration.ofSeconds(5));
        assertThat(client.primaryIpv4().reason())
                .isEqualTo("the Supervisor is not reachable at http://127.0.0.1:" + closedPort);
    }

    @Test
    void aSlowSupervisorTimesOut() {
        answers.put("/network/info", new Answer(200, "{}", true));
        assertThat(client(Duration.ofMillis(300)).primaryIpv4().reason())
                .isEqualTo("the Supervisor did not answer within 300 ms");
    }

    @Test
    void anAnswerThatIsNotJsonIsReported() {
        answers.put("/addons/self/info", new Answer(200, "<html>502 Bad Gateway</html>", false));
        assertThat(client().selfInfo().reason())
                .isEqualTo("the Supervisor answered /addons/self/info with HTTP 200 and no JSON");
        answers.put("/addons/self/info", new Answer(500, "{\"result\":\"error\",\"message\":\"boom\"}", false));
        assertThat(client().selfInfo().reason())
                .isEqualTo("the Supervisor answered /addons/self/info with HTTP 500 (Supervisor: boom)");
    }

    @Test
    void picksThePrimaryInterfacesIpv4WithoutItsPrefix() throws IOException {
        answer("/network/info", 200, "network-info.json");
        assertThat(client().primaryIpv4().value()).contains("192.168.1.10");
    }

    @Test
    void fallsBackToTheFirstConnectedInterfaceWhenNoneIsPrimary() {
        answers.put("/network/info", new Answer(200, """
                        {"result":"ok","data":{"interfaces":[
                          {"interface":"eth1","enabled":true,"connected":false,"primary":false,
                           "ipv4":{"address":["10.0.0.5/8"]}},
                          {"interface":"eth0","enabled":true,"connected":true,"primary":false,
                           "ipv4":{"address":["169.254.3.3/16","192.168.2.20/24"]}}]}}
                        """, false));
        assertThat(client().primaryIpv4().value()).contains("192.168.2.20");
    }

    @Test
    void noUsableInterfaceIsAReason() {
        answers.put(
                "/network/info",
                new Answer(
                        200,
                        "{\"result\":\"ok\",\"data\":{\"interfaces\":[{\"interface\":\"eth0\",\"enabled\":true,"
                                + "\"connected\":true,\"primary\":true,\"ipv4\":{\"address\":[]}}]}}",
                        false));
        assertThat(client().primaryIpv4().reason())
                .isEqualTo("the host has no connected network interface with an IPv4 address");
    }

    @Test
    void readsTheFullSlugForIngressLinks() throws IOException {
        answer("/addons/self/info", 200, "addons-self-info.json");
        AddonInfo info = client().selfInfo().value().orElseThrow();
        assertThat(info)
                .isEqualTo(new AddonInfo(
                        "a0d7b954_wyze_gwell_bridge",
                        "0.1.0",
                        "a0d7b954-wyze-gwell-bridge",
                        "/api/hassio_ingress/3kHb1s2uV5tq9oFh8nW0cXyRzLpQeM7dAiJgTvBoS4Y",
                        8097));
        assertThat(info.ingressPanelUrl()).isEqualTo("homeassistant://hassio/ingress/a0d7b954_wyze_gwell_bridge");
    }

    @Test
    void anEnvelopeWithoutDataIsReported() {
        answers.put("/addons/self/info", new Answer(200, "{\"result\":\"ok\"}", false));
        assertThat(client().selfInfo().reason()).isEqualTo("the Supervisor's answer to /addons/self/info had no data");
        answers.put("/addons/self/info", new Answer(200, "{\"result\":\"ok\",\"data\":{\"name\":\"x\"}}", false));
        assertThat(client().selfInfo().reason()).isEqualTo("the Supervisor's add-on info had no slug");
    }

    @Test
    void failuresMapAndValuesTransform() {
        assertThat(SupervisorResult.of("a").map(String::length).value()).contains(1);
        SupervisorResult<Integer> failed =
                SupervisorResult.<String>failed("why").map(String::length);
        assertThat(failed.isPresent()).isFalse();
        assertThat(failed.reason()).isEqualTo("why");
    }
}
