package dev.gwellbridge.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.camera.AccountFields;
import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CameraEvent;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStats;
import dev.gwellbridge.camera.CloudStatus;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.camera.MqttStatus;
import dev.gwellbridge.camera.StreamUrls;
import java.time.Duration;
import java.time.Instant;

/**
 * The JSON shapes of the API and the live feed (snake_case, URLs page-relative). Pure functions of
 * the camera seam's immutable values; no secrets are ever part of them.
 */
final class Views {
    private Views() {}

    /** The page-relative URL of a camera's latest snapshot. */
    static String snapshotUrl(CameraId id) {
        return "api/cameras/" + id.deviceId() + "/snapshot.jpg";
    }

    /** The page-relative URL of the bridge's own HLS playlist for a slug. */
    static String liveHls(String slug) {
        return "hls/" + slug + "/index.m3u8";
    }

    /** A camera as the API shows it, with its stream URLs and whether a snapshot exists. */
    static ObjectNode camera(WebBackend backend, CameraState s) {
        boolean hasSnapshot;
        try {
            hasSnapshot = backend.cameras().latestSnapshot(s.id()).isPresent();
        } catch (RuntimeException e) {
            hasSnapshot = false;
        }
        return camera(s, Urls.of(backend, s.slug()), hasSnapshot);
    }

    static ObjectNode camera(CameraState s, StreamUrls urls, boolean hasSnapshot) {
        CameraStats st = s.stats();
        ObjectNode n = Json.object();
        n.put("id", s.id().deviceId());
        n.put("mac", s.id().mac());
        n.put("name", s.info().name());
        n.put("slug", s.slug());
        n.put("model", s.info().modelName());
        n.put("model_id", s.info().modelId());
        n.put("firmware", s.info().firmware());
        n.put("lan_ip", s.info().lanIp());
        n.put("cloud_online", s.info().cloudOnline());
        n.put("status", s.status().wire());
        n.put("reason", s.failure().map(r -> r.code()).orElse(null));
        n.put("reason_text", s.failure().map(r -> r.message()).orElse(null));
        n.put("message", s.message());
        n.put("stream_on", s.streamOn());
        n.put("available", s.available());
        n.put("enabled", s.enabled());
        n.put("quality", s.quality().wire());
        n.put("mode", s.mode().wire());
        n.put("transport", s.transport().kind());
        n.put("transport_detail", s.transport().wire());
        n.put("rtsp_url", urls.rtsp());
        n.put("hls_url", urls.hls());
        n.put("live_hls", urls.liveHls());
        n.put("fps", round1(st.fps()));
        n.put("bitrate_kbps", round1(st.bitrateKbps()));
        n.put("reconnects", st.reconnects());
        if (st.lastFrameAgeSeconds() < 0) {
            n.putNull("last_frame_age_s");
        } else {
            n.put("last_frame_age_s", round1(st.lastFrameAgeSeconds()));
        }
        n.set("stream_since", Json.instant(st.streamSince()));
        n.put("clients", st.clients());
        n.put("dropped_frames", st.droppedFrames());
        n.put("snapshot_url", snapshotUrl(s.id()));
        n.put("has_snapshot", hasSnapshot);
        n.set("updated_at", Json.instant(s.updatedAt()));
        return n;
    }

    static ObjectNode bridge(BridgeStatus b, Instant now, boolean alive) {
        ObjectNode n = Json.object();
        n.put("alive", alive);
        n.put("version", b.version());
        n.set("started_at", Json.instant(b.startedAt()));
        n.put(
                "uptime_s",
                b.startedAt() == null
                        ? 0
                        : Math.max(0, Duration.between(b.startedAt(), now).toSeconds()));
        n.put("handshake_queue", b.handshakeQueue());
        n.set("cloud", cloud(b.cloud()));
        n.set("mqtt", mqtt(b.mqtt()));
        ObjectNode cams = n.putObject("cameras");
        cams.put("total", b.cameras().total());
        cams.put("online", b.cameras().online());
        cams.put("streaming", b.cameras().streaming());
        cams.put("error", b.cameras().error());
        ArrayNode problems = n.putArray("problems");
        b.problems().forEach(problems::add);
        return n;
    }

    static ObjectNode cloud(CloudStatus c) {
        ObjectNode n = Json.object();
        n.put("auth", c.auth());
        n.put("message", c.message());
        n.set("backoff_until", Json.instant(c.backoffUntil()));
        n.put("calls_last_hour", c.callsLastHour());
        n.put("credential_source", c.credentialSource());
        return n;
    }

    static ObjectNode mqtt(MqttStatus m) {
        ObjectNode n = Json.object();
        n.put("enabled", m.enabled());
        n.put("connected", m.connected());
        n.put("broker", m.broker());
        n.put("base_topic", m.baseTopic());
        n.put("discovery_prefix", m.discoveryPrefix());
        n.put("message", m.message());
        return n;
    }

    /** Which account fields are stored ("set" / "not set"), never their values, plus the cloud state. */
    static ObjectNode account(AccountFields f, CloudStatus c) {
        ObjectNode n = Json.object();
        n.put("email", f.email());
        n.put("password_set", f.passwordSet());
        n.put("api_id_set", f.apiIdSet());
        n.put("api_key_set", f.apiKeySet());
        n.put("totp_key_set", f.totpKeySet());
        n.put("source", f.source());
        n.set("cloud", cloud(c));
        return n;
    }

    static ObjectNode result(CommandResult r) {
        ObjectNode n = Json.object();
        n.put("ok", r.ok());
        n.put("reason", r.reason());
        n.put("message", r.message());
        return n;
    }

    static ObjectNode event(CameraId id, String slug, CameraEvent e) {
        ObjectNode n = Json.object();
        n.put("id", id.deviceId());
        n.put("slug", slug);
        n.put("event_type", e.type());
        n.set("ts", Json.instant(e.at()));
        if (e instanceof CameraEvent.StreamStarted s) {
            n.put("transport", s.transport().kind());
        } else if (e instanceof CameraEvent.StreamStopped s) {
            n.put("cause", s.cause());
        } else if (e instanceof CameraEvent.StreamFailed s) {
            n.put("reason", s.reason() == null ? null : s.reason().code());
            n.put("detail", s.detail());
        } else if (e instanceof CameraEvent.WentOffline s) {
            n.put("reason", s.reason() == null ? null : s.reason().code());
        } else if (e instanceof CameraEvent.CommandFailed s) {
            n.put("command", s.command());
            n.put("reason", s.reason());
        }
        return n;
    }

    private static double round1(double v) {
        return Double.isFinite(v) ? Math.round(v * 10.0) / 10.0 : 0.0;
    }
}
