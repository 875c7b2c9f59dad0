package dev.gwellbridge.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.config.Secrets;
import java.net.URI;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app API ({@code api.wyzecam.com}): token refresh and the device list. Answers are HTTP 200
 * with {@code {"ts", "code": "<string>", "msg", "data"}}; {@code "1"} (or {@code "0"}) is success
 * and {@code "2001"} means the access token expired.
 *
 * <p>The {@code sc}/{@code sv}/version constants are WB-GO's set; the server does not appear to
 * check them (several different sets work).
 */
final class AppApi {
    static final String SC = "9f275790cab94a72bd206c8876429f3c";
    static final String SV = "e1fe392906d54888a9b99b88de4162d7";
    static final String APP_NAME = "com.hualai.WyzeCam";
    static final String APP_VERSION = "3.6.5.5";

    private final URI apiUrl;
    private final CloudTransport transport;
    private final InstantSource clock;

    AppApi(URI apiUrl, CloudTransport transport, InstantSource clock) {
        this.apiUrl = apiUrl;
        this.transport = transport;
        this.clock = clock;
    }

    /**
     * Rotates both tokens.
     *
     * @throws CloudException token-rejected when the refresh token is no longer accepted
     */
    Tokens refresh(Tokens old, String phoneId) throws CloudException {
        Map<String, Object> body = common(old.accessToken(), phoneId);
        body.put("refresh_token", old.refreshToken());
        JsonNode data = call("/app/user/refresh_token", body, "token refresh");
        String access = AuthApi.text(data.path("access_token"));
        if (access.isEmpty()) {
            throw new CloudException(
                    CloudReason.UNEXPECTED_RESPONSE, "Wyze answered the token refresh without a new token.", null);
        }
        String refresh = AuthApi.text(data.path("refresh_token"));
        Secrets.register(access);
        Secrets.register(refresh);
        return Tokens.of(access, refresh.isEmpty() ? old.refreshToken() : refresh, old.userId(), clock.instant());
    }

    /** The account's GWell cameras. */
    List<CameraInfo> gwellCameras(String accessToken, String phoneId) throws CloudException {
        JsonNode data = call("/app/v2/home_page/get_object_list", common(accessToken, phoneId), "camera list");
        JsonNode list = data.path("device_list");
        if (!list.isArray()) {
            throw new CloudException(
                    CloudReason.UNEXPECTED_RESPONSE, "Wyze's camera list answer has no device_list.", null);
        }
        return DeviceList.gwellCameras(list);
    }

    private Map<String, Object> common(String accessToken, String phoneId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sc", SC);
        body.put("sv", SV);
        body.put("app_ver", APP_NAME + "___" + APP_VERSION);
        body.put("app_version", APP_VERSION);
        body.put("app_name", APP_NAME);
        body.put("phone_system_type", 1);
        body.put("ts", clock.millis());
        body.put("access_token", accessToken);
        body.put("phone_id", phoneId);
        return body;
    }

    private JsonNode call(String path, Map<String, Object> body, String what) throws CloudException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Wyze/" + APP_VERSION + " (iPhone; iOS 17.7.2; Scale/3.00)");
        headers.put("appversion", APP_VERSION);
        headers.put("env", "prod");
        CloudResponse response = transport.post(Urls.join(apiUrl, path), headers, CloudTransport.write(body), what);
        JsonNode json = CloudTransport.object(response, what);
        String code = AuthApi.text(json.has("code") ? json.path("code") : json.path("errorCode"));
        String msg = AuthApi.text(json.has("msg") ? json.path("msg") : json.path("description"));
        if (code.equals("2001")) {
            throw CloudException.tokenRejected(
                    "Wyze no longer accepts the access token (code 2001) for the " + what + ".");
        }
        if (response.status() != 200 || !(code.equals("1") || code.equals("0"))) {
            throw new CloudException(
                    CloudReason.UNEXPECTED_RESPONSE,
                    "Wyze refused the " + what + " (HTTP " + response.status() + ", code "
                            + (code.isEmpty() ? "none" : Urls.quote(code))
                            + (msg.isEmpty() ? "" : ", " + Urls.quote(msg))
                            + ").",
                    null);
        }
        JsonNode data = json.path("data");
        return data.isObject() ? data : json;
    }
}
