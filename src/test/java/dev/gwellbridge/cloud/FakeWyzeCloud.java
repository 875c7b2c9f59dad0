package dev.gwellbridge.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fake of the three Wyze hosts (auth, app API, Mars) for tests, with the request checks of the
 * cloud notes (section 7) and scenario switches. Transport-neutral: {@link #handle} takes the path,
 * headers and raw body; {@link FakeTransport} calls it in memory, {@link FakeWyzeServer} over HTTP.
 *
 * <p>Request-check failures are answered with HTTP 400 and recorded in {@link #violations()}, which
 * tests assert empty. Hashes are computed here independently of the production code.
 */
public final class FakeWyzeCloud {
    public static final String EMAIL = "user@example.com";
    public static final String PASSWORD = "fake-Passw0rd!";
    public static final String KEY_ID = "11111111-2222-4333-8444-555555555555";
    public static final String API_KEY = "EXAMPLEAPIKEYEXAMPLEAPIKEYEXAMPLEAPIKEYEXAMPLEAPIKEYEXAMPLEA";
    public static final String USER_ID = "00000000000000000000000000000001";
    public static final String TOTP_APP_ID = "EXAMPLE_TOTP_APP_ID";

    public static final String LOGIN = "login";
    public static final String MFA = "mfa";
    public static final String REFRESH = "refresh";
    public static final String DEVICES = "devices";
    public static final String MARS = "mars";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final DateTimeFormatter RESET_BY = DateTimeFormatter.ofPattern(
                    "EEE MMM dd HH:mm:ss zzz yyyy", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** How the login answers. */
    public enum LoginMode {
        OK,
        WRONG_PASSWORD,
        TOO_MANY_ATTEMPTS,
        FORBIDDEN_HTML
    }

    private final InstantSource clock;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final List<String> marsDevices = new CopyOnWriteArrayList<>();
    private final AtomicInteger serial = new AtomicInteger();
    private final AtomicInteger marsSuccesses = new AtomicInteger();

    public volatile String password = PASSWORD;
    public volatile LoginMode loginMode = LoginMode.OK;
    public volatile boolean mfaRequired;
    /** Base32 secret the TOTP step checks codes against. */
    public volatile String totpSecret = "";

    public volatile Duration tokenLifetime = Duration.ofDays(2);
    /** Every request answers 429 with rate-limit headers. */
    public volatile boolean rateLimited;
    /** When set, every answer carries X-RateLimit-Remaining with this value. */
    public volatile Integer remaining;

    public volatile Duration resetIn = Duration.ofMinutes(10);
    /** Every request answers with this 5xx status (0 = off). */
    public volatile int serverError;

    public volatile Duration delay = Duration.ZERO;
    /** Routes answering 200 with a body that is not JSON. */
    public final Set<String> malformed = ConcurrentHashMap.newKeySet();
    /** Mars answers this code (HTTP 200) instead of a credential (0 = off). */
    public volatile int marsErrorCode;
    /** Mars answers HTTP 401 regardless of the token. */
    public volatile boolean mars401;

    public volatile boolean refreshRejects;
    /** The camera list reports 2001 regardless of the token. */
    public volatile boolean devicesAlways2001;
    /** When set, the device list holds exactly these cameras and Mars hands out their credentials. */
    public volatile List<FakeDevice> devices = List.of();

    public FakeWyzeCloud(InstantSource clock) {
        this.clock = clock;
    }

    public int calls(String route) {
        AtomicInteger n = calls.get(route);
        return n == null ? 0 : n.get();
    }

    public int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Device ids Mars minted for, in order. */
    public List<String> marsDevices() {
        return List.copyOf(marsDevices);
    }

    /** Every access token issued so far is rejected from now on (app API 2001, Mars 401). */
    public void expireAllAccessTokens() {
        accessTokens.replaceAll((t, exp) -> Instant.EPOCH);
    }

    public Set<String> issuedTokens() {
        Set<String> all = ConcurrentHashMap.newKeySet();
        all.addAll(accessTokens.keySet());
        all.addAll(refreshTokens);
        return all;
    }

    /** Answers one request. Header names must be lower case. */
    public FakeResponse handle(String path, Map<String, String> headers, byte[] body) {
        String route = route(path);
        calls.computeIfAbsent(route, r -> new AtomicInteger()).incrementAndGet();
        if (rateLimited) {
            return withRateHeaders(new FakeResponse(429, Map.of(), ""), 0);
        }
        if (serverError != 0) {
            return new FakeResponse(serverError, Map.of("Content-Type", "text/html"), "<html>error</html>");
        }
        if (malformed.contains(route)) {
            return FakeResponse.json(200, "{\"code\": \"1\", \"data\": ");
        }
        FakeResponse r;
        try {
            JsonNode json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            r = switch (route) {
                case LOGIN -> login(headers, json);
                case MFA -> mfa(headers, json);
                case REFRESH -> refresh(json);
                case DEVICES -> devices(json);
                case MARS -> mars(path, headers, body, json);
                default -> violation("unknown route " + path);
            };
        } catch (java.io.IOException e) {
            r = violation(route + ": body is not JSON");
        }
        return remaining == null ? r : withRateHeaders(r, remaining);
    }

    private static String route(String path) {
        if (path.endsWith("/api/user/login")) {
            return LOGIN;
        }
        if (path.endsWith("/user/login")) {
            return MFA;
        }
        if (path.endsWith("/app/user/refresh_token")) {
            return REFRESH;
        }
        if (path.endsWith("/app/v2/home_page/get_object_list")) {
            return DEVICES;
        }
        return path.contains("/plugin/mars/v2/regist_gw_user/") ? MARS : path;
    }

    private FakeResponse withRateHeaders(FakeResponse r, int left) {
        Map<String, String> h = new LinkedHashMap<>(r.headers());
        h.put("X-RateLimit-Remaining", Integer.toString(left));
        h.put("X-RateLimit-Reset-By", RESET_BY.format(clock.instant().plus(resetIn)));
        return new FakeResponse(r.status(), h, r.body());
    }

    private FakeResponse login(Map<String, String> headers, JsonNode body) {
        if (isBlank(headers.get("keyid")) || isBlank(headers.get("apikey"))) {
            return violation("login without keyid/apikey headers");
        }
        if (!fieldsExactly(body, "email", "password")) {
            return violation("login body fields: " + fieldNames(body));
        }
        String email = body.path("email").asText();
        String hash = body.path("password").asText();
        if (!email.equals(email.trim())) {
            return violation("login e-mail not trimmed");
        }
        if (!HEX32.matcher(hash).matches()) {
            return violation("login password is not 32 lowercase hex digits");
        }
        if (loginMode == LoginMode.TOO_MANY_ATTEMPTS) {
            return authError("Too many failed attempts. Please try again later.");
        }
        if (loginMode == LoginMode.FORBIDDEN_HTML) {
            return new FakeResponse(403, Map.of("Content-Type", "text/html"), "<html>Request blocked</html>");
        }
        boolean ok = loginMode == LoginMode.OK
                && email.equalsIgnoreCase(EMAIL)
                && hash.equals(tripleMd5(password))
                && KEY_ID.equals(headers.get("keyid"))
                && API_KEY.equals(headers.get("apikey"));
        if (!ok) {
            return authError("Invalid credentials, please check username, password, keyid or apikey");
        }
        if (mfaRequired) {
            return FakeResponse.json(
                    200,
                    "{\"access_token\":null,\"refresh_token\":null,\"user_id\":\"" + USER_ID + "\","
                            + "\"mfa_options\":[\"TotpVerificationCode\"],\"mfa_details\":{\"totp_apps\":"
                            + "[{\"app_id\":\"" + TOTP_APP_ID + "\",\"app_nickname\":\"Authenticator\"}],"
                            + "\"phone_numbers\":null},\"sms_session_id\":null,\"email_session_id\":null}");
        }
        return sessionAnswer();
    }

    private FakeResponse mfa(Map<String, String> headers, JsonNode body) {
        if (!"TotpVerificationCode".equals(body.path("mfa_type").asText())
                || !TOTP_APP_ID.equals(body.path("verification_id").asText())
                || !body.path("verification_code").asText().matches("\\d{6}")) {
            return violation("MFA step body: " + fieldNames(body));
        }
        if (isBlank(headers.get("keyid")) || !body.path("password").asText().equals(tripleMd5(password))) {
            return authError("Invalid credentials, please check username, password, keyid or apikey");
        }
        String expected = Totp.code(totpSecret, clock.instant());
        if (!expected.equals(body.path("verification_code").asText())) {
            return authError("Invalid verification code");
        }
        return sessionAnswer();
    }

    private FakeResponse sessionAnswer() {
        ObjectNode r = JSON.createObjectNode();
        r.put("access_token", issueAccessToken());
        r.put("refresh_token", issueRefreshToken());
        r.put("user_id", USER_ID);
        r.putNull("mfa_options");
        r.putNull("mfa_details");
        r.putNull("sms_session_id");
        r.putNull("email_session_id");
        return FakeResponse.json(200, r.toString());
    }

    private FakeResponse refresh(JsonNode body) {
        FakeResponse common = checkCommon(body, "refresh");
        if (common != null) {
            return common;
        }
        String refresh = body.path("refresh_token").asText("");
        if (refresh.isEmpty()) {
            return violation("refresh without refresh_token");
        }
        if (refreshRejects || !refreshTokens.remove(refresh)) {
            return appError("2001", "RefreshTokenError");
        }
        ObjectNode data = JSON.createObjectNode();
        data.put("access_token", issueAccessToken());
        data.put("refresh_token", issueRefreshToken());
        return appOk(data);
    }

    private FakeResponse devices(JsonNode body) {
        FakeResponse common = checkCommon(body, "device list");
        if (common != null) {
            return common;
        }
        if (devicesAlways2001 || !valid(body.path("access_token").asText())) {
            return appError("2001", "AccessTokenError");
        }
        ObjectNode data = JSON.createObjectNode();
        data.set("device_list", deviceList());
        return appOk(data);
    }

    private FakeResponse checkCommon(JsonNode body, String what) {
        if (!body.path("ts").isIntegralNumber() || body.path("ts").asLong() < 1_000_000_000_000L) {
            return violation(what + ": ts is not epoch milliseconds");
        }
        if (isBlank(body.path("phone_id").asText(null)) || !body.has("access_token")) {
            return violation(what + ": phone_id or access_token missing");
        }
        return null;
    }

    private FakeResponse mars(String path, Map<String, String> headers, byte[] raw, JsonNode body) {
        String deviceId = path.substring(path.lastIndexOf('/') + 1);
        String token = headers.getOrDefault("access_token", "");
        if (!"9319141212m2ik".equals(headers.get("appid"))) {
            return violation("mars: appid header");
        }
        String requestId = headers.getOrDefault("requestid", "");
        if (!HEX32.matcher(requestId).matches()) {
            return violation("mars: requestid is not 32 lowercase hex digits");
        }
        if (!fieldsExactly(body, "ttl_minutes", "nonce", "unique_id")
                || !body.path("ttl_minutes").isIntegralNumber()
                || !body.path("nonce").isTextual()
                || !body.path("nonce").asText().matches("\\d{13}")
                || !body.path("unique_id").isTextual()) {
            return violation("mars: body shape " + fieldNames(body));
        }
        if (!hmacMd5Hex(md5Hex(token + "wyze_app_secret_key_132"), raw).equals(headers.get("signature2"))) {
            return violation("mars: signature2 does not match the body bytes");
        }
        if (mars401 || !valid(token)) {
            return FakeResponse.json(401, "{\"code\":2001,\"msg\":\"access token error\",\"data\":{}}");
        }
        if (marsErrorCode != 0) {
            return FakeResponse.json(200, "{\"code\":" + marsErrorCode + ",\"msg\":\"mars error\",\"data\":{}}");
        }
        if (!deviceId.startsWith("GW_")) {
            return FakeResponse.json(200, "{\"code\":1008,\"msg\":\"device not found\",\"data\":{}}");
        }
        FakeDevice configured = configured(deviceId);
        if (!devices.isEmpty() && configured == null) {
            return FakeResponse.json(200, "{\"code\":1008,\"msg\":\"device not found\",\"data\":{}}");
        }
        marsDevices.add(deviceId);
        long expire =
                clock.instant().getEpochSecond() + body.path("ttl_minutes").asLong() * 60;
        int n = marsSuccesses.incrementAndGet();
        String code = n % 2 == 0 ? "\"1\"" : "1";
        String id = configured == null ? accessId(deviceId) : configured.accessId();
        String issued = configured == null ? marsToken(n) : configured.accessToken();
        return FakeResponse.json(
                200,
                "{\"code\":" + code + ",\"msg\":\"success\",\"data\":{\"accessId\":\"" + id + "\",\"accessToken\":\""
                        + issued + "\",\"expireTime\":" + expire + "}}");
    }

    /** A signed 64-bit id that differs per device and is negative for some. */
    public static String accessId(String deviceId) {
        return Long.toString(-1234567890123456789L + deviceId.hashCode());
    }

    /** 128 hex digits plus base64 of 80 bytes; byte 0 of the head and of the tail carry the serial. */
    public static String marsToken(int serial) {
        byte[] head = new byte[64];
        for (int i = 0; i < head.length; i++) {
            head[i] = (byte) i;
        }
        head[0] = (byte) serial;
        byte[] tail = new byte[80];
        tail[0] = 1;
        tail[1] = 3;
        tail[2] = (byte) serial;
        return HexFormat.of().withUpperCase().formatHex(head)
                + Base64.getEncoder().encodeToString(tail);
    }

    private FakeDevice configured(String deviceId) {
        for (FakeDevice d : devices) {
            if (d.mac().equals(deviceId)) {
                return d;
            }
        }
        return null;
    }

    private ArrayNode deviceList() {
        ArrayNode list = JSON.createArrayNode();
        if (!devices.isEmpty()) {
            for (FakeDevice d : devices) {
                list.add(device(d.mac(), d.model(), d.nickname(), "1.0.0.1", 1, d.lanIp()));
            }
            return list;
        }
        list.add(device("GW_GC1_0A1B2C3D4E5F", "GW_GC1", "Garage", "1.0.0.1", 1, ""));
        list.add(device("GW_BE1_0A1B2C3D4E60", "GW_BE1", "Front Door", "1.0.0.2", 0, ""));
        list.add(device("GW_WC_0A1B2C3D4E61", "GW_WC", "Window", "1.0.0.3", 1, "192.0.2.20"));
        list.add(device("AABBCCDDEEFF", "WYZE_CAKP2JFUS", "Backyard", "4.36.14.3497", 1, "192.0.2.10"));
        ObjectNode plug = JSON.createObjectNode();
        plug.put("mac", "112233445566");
        plug.put("product_type", "Plug");
        plug.put("product_model", "WLPP1");
        plug.put("nickname", "Lamp");
        plug.put("conn_state", 1);
        plug.putObject("device_params");
        list.add(plug);
        return list;
    }

    private static ObjectNode device(String mac, String model, String name, String fw, int online, String ip) {
        ObjectNode d = JSON.createObjectNode();
        d.put("mac", mac);
        d.put("product_type", "Camera");
        d.put("product_model", model);
        d.put("nickname", name);
        d.put("firmware_ver", fw);
        d.put("enr", "EXAMPLE_ENR");
        d.put("conn_state", online);
        d.put("conn_state_ts", 1699999990000L);
        ObjectNode params = d.putObject("device_params");
        params.put("ip", ip);
        params.putObject("camera_thumbnails");
        return d;
    }

    private String issueAccessToken() {
        Instant exp = clock.instant().plus(tokenLifetime);
        String header = b64url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = b64url("{\"iss\":\"https://auth.wyze.com\",\"user_id\":\"" + USER_ID + "\",\"exp\":"
                + exp.getEpochSecond() + ",\"jti\":\"a" + serial.incrementAndGet() + "\"}");
        String token = header + "." + payload + ".ZmFrZS1zaWduYXR1cmU";
        accessTokens.put(token, exp);
        return token;
    }

    private String issueRefreshToken() {
        String token = "refresh-" + md5Hex("r" + serial.incrementAndGet());
        refreshTokens.add(token);
        return token;
    }

    private boolean valid(String token) {
        Instant exp = accessTokens.get(token);
        return exp != null && clock.instant().isBefore(exp);
    }

    private static FakeResponse appOk(ObjectNode data) {
        return FakeResponse.json(200, "{\"ts\":1700000000123,\"code\":\"1\",\"msg\":\"\",\"data\":" + data + "}");
    }

    private static FakeResponse appError(String code, String msg) {
        return FakeResponse.json(
                200, "{\"ts\":1700000000456,\"code\":\"" + code + "\",\"msg\":\"" + msg + "\",\"data\":{}}");
    }

    private static FakeResponse authError(String description) {
        return FakeResponse.json(
                400,
                "{\"description\":\"" + description
                        + "\",\"requestId\":\"99999999-8888-4777-8666-555555555555\",\"errorCode\":1000}");
    }

    private FakeResponse violation(String what) {
        violations.add(what);
        return FakeResponse.json(400, "{\"description\":\"fake: " + what + "\",\"errorCode\":9999}");
    }

    private static boolean fieldsExactly(JsonNode body, String... names) {
        return body.isObject()
                && fieldNames(body).equals(List.of(names).stream().sorted().toList());
    }

    private static List<String> fieldNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.properties().forEach(e -> names.add(e.getKey()));
        return names.stream().sorted().toList();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String b64url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String tripleMd5(String password) {
        return md5Hex(md5Hex(md5Hex(password.trim())));
    }

    public static String md5Hex(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmacMd5Hex(String keyHex, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(keyHex.getBytes(StandardCharsets.US_ASCII), "HmacMD5"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
