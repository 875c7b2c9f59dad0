package dev.gwellbridge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few Supervisor API calls the bridge needs: the MQTT broker ({@code GET /services/mqtt}), the
 * host's LAN address for stream URLs ({@code GET /network/info}) and the add-on's full slug for
 * ingress links ({@code GET /addons/self/info}).
 *
 * <p>Every call is blocking, bounded by a timeout, and never throws: a failure comes back as a
 * {@link SupervisorResult} with a plain-English reason, because every one of these lookups has a
 * fallback (the {@code mqtt.*} options, {@code advertise_host}, a page without a panel link).
 * Outside the add-on (no {@code SUPERVISOR_TOKEN}) every call fails at once without touching the
 * network. The token and the broker password are registered with {@link Secrets}; neither is
 * logged. Thread-safe.
 */
public final class SupervisorClient {
    /** Where the Supervisor answers inside an add-on container. */
    public static final URI DEFAULT_BASE_URL = URI.create("http://supervisor");

    /** Answers slower than this count as failures; the Supervisor is local and normally answers in ms. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    static final String NOT_AN_ADDON = "not running as a Home Assistant add-on (SUPERVISOR_TOKEN is not set)";
    static final String NO_MQTT = "no MQTT service is installed";

    private static final Logger LOG = LoggerFactory.getLogger(SupervisorClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final URI baseUrl;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl {@link #DEFAULT_BASE_URL} in production, a local server in tests
     * @param token the Supervisor token; empty means "not an add-on"
     */
    public SupervisorClient(URI baseUrl, String token, Duration timeout) {
        this.baseUrl = stripSlash(baseUrl);
        this.token = token == null ? "" : token.trim();
        this.timeout = timeout;
        Secrets.register(this.token);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "supervisor-http-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** The client for this process: {@link #DEFAULT_BASE_URL} and the token from the environment. */
    public static SupervisorClient fromEnvironment(Map<String, String> env) {
        return new SupervisorClient(
                DEFAULT_BASE_URL, env.getOrDefault(DataDir.SUPERVISOR_TOKEN_ENV, ""), DEFAULT_TIMEOUT);
    }

    /** Whether a token is present, i.e. the calls can succeed at all. */
    public boolean available() {
        return !token.isEmpty();
    }

    /**
     * The broker the Supervisor offers. Fails with a reason starting "no MQTT service is installed"
     * when no add-on provides MQTT; the caller then falls back to the {@code mqtt.*} options.
     */
    public SupervisorResult<MqttService> mqttService() {
        SupervisorResult<JsonNode> data = get("/services/mqtt");
        if (!data.isPresent()) {
            return SupervisorResult.failed(data.reason());
        }
        JsonNode d = data.value().orElseThrow();
        String host = d.path("host").asText("");
        if (host.isBlank()) {
            return SupervisorResult.failed(NO_MQTT + " (the Supervisor named no broker host)");
        }
        String password = d.path("password").asText("");
        Secrets.register(password);
        int port = d.path("port").asInt(Ports.DEFAULT_MQTT_PORT);
        MqttService service = new MqttService(
                host,
                port > 0 && port <= 65535 ? port : Ports.DEFAULT_MQTT_PORT,
                d.path("ssl").asBoolean(false),
                d.path("username").asText(""),
                password,
                d.path("protocol").asText(""),
                d.path("addon").asText(""));
        LOG.debug(
                "Supervisor offers MQTT at {}:{} (ssl {}, user '{}')",
                service.host(),
                service.port(),
                service.ssl(),
                service.username());
        return SupervisorResult.of(service);
    }

    /**
     * The IPv4 address of the host's primary connected interface (without prefix length), for the
     * stream URLs published to Home Assistant; falls back to the first connected interface with an
     * IPv4 address.
     */
    public SupervisorResult<String> primaryIpv4() {
        SupervisorResult<JsonNode> data = get("/network/info");
        if (!data.isPresent()) {
            return SupervisorResult.failed(data.reason());
        }
        JsonNode interfaces = data.value().orElseThrow().path("interfaces");
        String fallback = "";
        for (JsonNode i : interfaces) {
            if (!i.path("enabled").asBoolean(true) || !i.path("connected").asBoolean(true)) {
                continue;
            }
            String address = firstIpv4(i.path("ipv4").path("address"));
            if (address.isEmpty()) {
                continue;
            }
            if (i.path("primary").asBoolean(false)) {
                return SupervisorResult.of(address);
            }
            if (fallback.isEmpty()) {
                fallback = address;
            }
        }
        return fallback.isEmpty()
                ? SupervisorResult.failed("the host has no connected network interface with an IPv4 address")
                : SupervisorResult.of(fallback);
    }

    /** This add-on's slug (with the repository hash), version and ingress entry. */
    public SupervisorResult<AddonInfo> selfInfo() {
        SupervisorResult<JsonNode> data = get("/addons/self/info");
        if (!data.isPresent()) {
            return SupervisorResult.failed(data.reason());
        }
        JsonNode d = data.value().orElseThrow();
        String slug = d.path("slug").asText("");
        if (slug.isBlank()) {
            return SupervisorResult.failed("the Supervisor's add-on info had no slug");
        }
        return SupervisorResult.of(new AddonInfo(
                slug,
                d.path("version").asText(""),
                d.path("hostname").asText(""),
                d.path("ingress_entry").asText(""),
                d.path("ingress_port").asInt(0)));
    }

    /** One GET, unwrapped from the {@code {"result":"ok","data":{...}}} envelope. */
    private SupervisorResult<JsonNode> get(String path) {
        if (token.isEmpty()) {
            return SupervisorResult.failed(NOT_AN_ADDON);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return failure(path, "the Supervisor is not reachable at " + baseUrl);
        } catch (HttpTimeoutException e) {
            return failure(
                    path,
                    "the Supervisor did not answer within "
                            + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s"));
        } catch (IOException e) {
            return failure(path, "the Supervisor call failed: " + Secrets.redact(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(path, "interrupted while asking the Supervisor");
        }
        return unwrap(path, response.statusCode(), response.body());
    }

    private static SupervisorResult<JsonNode> unwrap(String path, int status, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            root = null;
        }
        String message = root == null ? "" : root.path("message").asText("");
        boolean ok = root != null && "ok".equals(root.path("result").asText());
        if (status == 401 || status == 403) {
            return failure(
                    path,
                    "the Supervisor refused " + path + " (HTTP " + status + ")" + suffix(message)
                            + (path.startsWith("/services/") ? "; the add-on needs 'services: mqtt:want'" : ""));
        }
        if (path.equals("/services/mqtt")
                && (status == 400 || status == 404 || (status == 200 && root != null && !ok))) {
            return failure(path, NO_MQTT + suffix(message));
        }
        if (status != 200 || root == null || !ok) {
            return failure(
                    path,
                    "the Supervisor answered " + path + " with HTTP " + status + (root == null ? " and no JSON" : "")
                            + suffix(message));
        }
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            return failure(path, "the Supervisor's answer to " + path + " had no data");
        }
        return SupervisorResult.of(data);
    }

    private static <T> SupervisorResult<T> failure(String path, String reason) {
        LOG.debug("Supervisor {}: {}", path, reason);
        return SupervisorResult.failed(reason);
    }

    private static String suffix(String message) {
        return message.isBlank() ? "" : " (Supervisor: " + Secrets.redact(message) + ")";
    }

    private static String firstIpv4(JsonNode addresses) {
        for (JsonNode a : addresses) {
            String s = a.asText("");
            int slash = s.indexOf('/');
            String ip = slash >= 0 ? s.substring(0, slash) : s;
            if (ip.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !ip.startsWith("169.254.")) {
                return ip;
            }
        }
        return "";
    }

    private static URI stripSlash(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : u;
    }
}
