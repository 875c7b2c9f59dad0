package dev.gwellbridge.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.P2pCredential;
import dev.gwellbridge.config.Secrets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud state file ({@value WyzeCloud#STATE_FILE}): tokens, phone id, login backoff and the
 * per-device credential cache, saved after every change.
 *
 * <pre>
 * {"version": 1, "account": "user@example.com", "phone_id": "&lt;uuid&gt;",
 *  "session": {"access_token", "refresh_token", "user_id", "expires_at": &lt;epoch s&gt;},
 *  "login": {"not_before_ms": &lt;epoch ms&gt;, "failures": n},
 *  "credentials": {"GW_GC1_...": {"access_id", "access_token", "expire_time", "minted_at"}}}
 * </pre>
 *
 * <p>Not thread-safe for writers (the owner serialises changes); {@link #get()} may be called from
 * any thread.
 */
final class CloudStore {
    private static final Logger LOG = LoggerFactory.getLogger(CloudStore.class);
    private static final int VERSION = 1;

    private final Path file;
    private volatile CloudState state;

    CloudStore(Path file, InstantSource clock, RandomGenerator random) {
        this.file = file;
        this.state = StateFiles.read(file, clock)
                .map(json -> parse(json, clock, random))
                .orElseGet(() -> CloudState.empty(newPhoneId(random)));
    }

    CloudState get() {
        return state;
    }

    /** Applies a change and saves the result when it differs. */
    void update(UnaryOperator<CloudState> change) {
        CloudState next = change.apply(state);
        if (!next.equals(state)) {
            state = next;
            StateFiles.write(file, toJson(next));
        }
    }

    private CloudState parse(ObjectNode json, InstantSource clock, RandomGenerator random) {
        String phoneId = AuthApi.text(json.path("phone_id"));
        if (phoneId.isEmpty() || json.path("version").asInt(0) != VERSION) {
            StateFiles.reject(file, "no phone_id or an unknown version", clock);
            return CloudState.empty(newPhoneId(random));
        }
        Tokens tokens = null;
        JsonNode s = json.path("session");
        String access = AuthApi.text(s.path("access_token"));
        if (!access.isEmpty() && s.path("expires_at").canConvertToLong()) {
            tokens = new Tokens(
                    access,
                    AuthApi.text(s.path("refresh_token")),
                    AuthApi.text(s.path("user_id")),
                    Instant.ofEpochSecond(s.path("expires_at").asLong()));
            Secrets.register(tokens.accessToken());
            Secrets.register(tokens.refreshToken());
        }
        JsonNode login = json.path("login");
        Instant notBefore = login.path("not_before_ms").isIntegralNumber()
                ? Instant.ofEpochMilli(login.path("not_before_ms").asLong())
                : null;
        return new CloudState(
                AuthApi.text(json.path("account")),
                phoneId,
                tokens,
                notBefore,
                Math.max(0, login.path("failures").asInt(0)),
                credentials(json.path("credentials")));
    }

    private static Map<CameraId, CachedCredential> credentials(JsonNode node) {
        Map<CameraId, CachedCredential> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode c = e.getValue();
            try {
                String token = AuthApi.text(c.path("access_token"));
                Secrets.register(token);
                P2pCredential credential = new P2pCredential(
                        AccessId.parse(AuthApi.text(c.path("access_id"))).toString(),
                        token,
                        Instant.ofEpochSecond(requireLong(c, "expire_time")));
                if (token.isEmpty()) {
                    throw new IllegalArgumentException("empty access_token");
                }
                Instant minted = Instant.ofEpochSecond(requireLong(c, "minted_at"));
                out.put(CameraId.of(e.getKey()), new CachedCredential(credential, minted));
            } catch (IllegalArgumentException ex) {
                LOG.warn("Ignoring the cached credential of {}: {}", e.getKey(), ex.getMessage());
            }
        }
        return out;
    }

    private static long requireLong(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " is not a number");
        }
        return v.asLong();
    }

    private static ObjectNode toJson(CloudState s) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("account", s.account());
        root.put("phone_id", s.phoneId());
        s.session().ifPresent(t -> {
            ObjectNode session = root.putObject("session");
            session.put("access_token", t.accessToken());
            session.put("refresh_token", t.refreshToken());
            session.put("user_id", t.userId());
            session.put("expires_at", t.expiresAt().getEpochSecond());
        });
        ObjectNode login = root.putObject("login");
        if (s.loginNotBefore() != null) {
            login.put("not_before_ms", s.loginNotBefore().toEpochMilli());
        }
        login.put("failures", s.loginFailures());
        ObjectNode creds = root.putObject("credentials");
        s.credentials().forEach((id, c) -> {
            ObjectNode n = creds.putObject(id.deviceId());
            n.put("access_id", c.credential().accessId());
            n.put("access_token", c.credential().accessToken());
            n.put("expire_time", c.credential().expiresAt().getEpochSecond());
            n.put("minted_at", c.mintedAt().getEpochSecond());
        });
        return root;
    }

    /** A random UUID v4 from the injected generator (the form WB-PY, WB-GO and SDK use). */
    static String newPhoneId(RandomGenerator random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
