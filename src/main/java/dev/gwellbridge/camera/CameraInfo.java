package dev.gwellbridge.camera;

import java.util.Objects;
import java.util.Optional;

/**
 * What the account says about a camera: identity, nickname, model, firmware, LAN IP (often absent
 * for GWell models) and whether the cloud reports it online.
 *
 * @param lanIp dotted IPv4, or empty when unknown
 * @param firmware firmware version, or empty when unknown
 */
public record CameraInfo(CameraId id, String name, String modelId, String firmware, String lanIp, boolean cloudOnline) {

    public CameraInfo {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id.deviceId() : name.trim();
        modelId = modelId == null || modelId.isBlank() ? id.modelId() : modelId;
        firmware = firmware == null ? "" : firmware;
        lanIp = lanIp == null ? "" : lanIp.trim();
    }

    /** The product name of the model, e.g. "Wyze Cam OG". */
    public String modelName() {
        return CameraModel.productName(modelId);
    }

    /** The LAN IP if known. */
    public Optional<String> lanAddress() {
        return lanIp.isEmpty() ? Optional.empty() : Optional.of(lanIp);
    }

    /** A copy with another LAN IP (e.g. pinned by the user). */
    public CameraInfo withLanIp(String ip) {
        return new CameraInfo(id, name, modelId, firmware, ip, cloudOnline);
    }
}
