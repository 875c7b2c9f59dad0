package dev.gwellbridge.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.P2pCredential;
import dev.gwellbridge.config.Secrets;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mars: {@code POST /plugin/mars/v2/regist_gw_user/<deviceId>} mints a camera's P2P credential.
 *
 * <p>Body: exactly {@code {"ttl_minutes":10080,"nonce":"<ms>","unique_id":"<phone id>"}}, compact;
 * headers {@code appid}, {@code access_token}, {@code signature2} (over the exact body bytes) and
 * {@code requestid}. Answer: {@code {"code": 1 | "1", "data": {"accessId", "accessToken",
 * "expireTime"}}}; HTTP 401 or code 2001 mean the Wyze token was rejected, 1008 that the device is
 * not registered with the GWell service.
 */
final class MarsApi {
    static final int TTL_MINUTES = 10080;

    private final URI marsUrl;
    private final CloudTransport transport;
    private final InstantSource clock;

    MarsApi(URI marsUrl, CloudTransport transport, InstantSource clock) {
        this.marsUrl = marsUrl;
        this.transport = transport;
        this.clock = clock;
    }

    P2pCredential mint(String accessToken, String phoneId, CameraId id) throws CloudException {
        String nonce = Long.toString(clock.millis());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ttl_minutes", TTL_MINUTES);
        fields.put("nonce", nonce);
        fields.put("unique_id", phoneId);
        String body = CloudTransport.write(fields);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("appid", WyzeSigning.MARS_APP_ID);
        headers.put("access_token", accessToken);
        headers.put("signature2", WyzeSigning.signature2(accessToken, body));
        headers.put("requestid", WyzeSigning.requestId(nonce));
        headers.put("User-Agent", "okhttp/4.7.2");
        String what = "P2P credential (" + id + ")";
        CloudResponse response = transport.post(
                Urls.join(marsUrl, "/plugin/mars/v2/regist_gw_user/" + id.deviceId()), headers, body, what);
        if (response.status() == 401) {
            throw CloudException.tokenRejected("Mars rejected the access token (HTTP 401) for " + id + ".");
        }
        JsonNode json = CloudTransport.object(response, what);
        String code = AuthApi.text(json.path("code"));
        if (code.equals("2001")) {
            throw CloudException.tokenRejected("Mars rejected the access token (code 2001) for " + id + ".");
        }
        if (code.equals("1008")) {
            throw new CloudException(
                    CloudReason.UNEXPECTED_RESPONSE,
                    "Wyze's P2P service does not know camera " + id + " (code 1008); it may not be a GWell camera"
                            + " or may belong to another account.",
                    null);
        }
        if (response.status() != 200 || !code.equals("1")) {
            String msg = AuthApi.text(json.path("msg"));
            throw new CloudException(
                    CloudReason.UNEXPECTED_RESPONSE,
                    "Wyze's P2P service refused a credential for " + id + " (HTTP " + response.status() + ", code "
                            + (code.isEmpty() ? "none" : Urls.quote(code))
                            + (msg.isEmpty() ? "" : ", " + Urls.quote(msg)) + ").",
                    null);
        }
        return credential(json.path("data"), id);
    }

    private P2pCredential credential(JsonNode data, CameraId id) throws CloudException {
        String accessId = AuthApi.text(data.has("accessId") ? data.path("accessId") : data.path("access_id"));
        String token = AuthApi.text(data.has("accessToken") ? data.path("accessToken") : data.path("access_token"));
        JsonNode expire = data.has("expireTime") ? data.path("expireTime") : data.path("expire_time");
        if (accessId.isEmpty() || token.isEmpty()) {
            throw new CloudException(
                    CloudReason.UNEXPECTED_RESPONSE,
                    "Wyze's P2P service answered without an access id or token for " + id + ".",
                    null);
        }
        Secrets.register(token);
        AccessId parsed;
        try {
            parsed = AccessId.parse(accessId);
        } catch (IllegalArgumentException e) {
            throw new CloudException(
                    CloudReason.UNEXPECTED_RESPONSE,
                    "Wyze's P2P service sent an access id for " + id + " that is not a 64-bit number.",
                    null);
        }
        String seconds = AuthApi.text(expire);
        Instant expiresAt = seconds.matches("\\d{1,12}")
                ? Instant.ofEpochSecond(Long.parseLong(seconds))
                : clock.instant().plusSeconds(TTL_MINUTES * 60L);
        return new P2pCredential(parsed.toString(), token, expiresAt);
    }
}
