package dev.gwellbridge.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CameraModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the GWell cameras out of {@code data.device_list}. A device is GWell when its {@code
 * product_model} or its {@code mac} starts with {@code GW_}; for GWell devices {@code mac} is the
 * device id ({@code GW_GC1_0A1B2C3D4E5F}) that Mars mints credentials for.
 *
 * <p>Fields read: {@code mac}, {@code product_model}, {@code nickname}, {@code firmware_ver}, {@code
 * conn_state} (1 = online), {@code device_params.ip} (usually empty for GWell models).
 */
final class DeviceList {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceList.class);
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private DeviceList() {}

    static List<CameraInfo> gwellCameras(JsonNode deviceList) {
        List<CameraInfo> out = new ArrayList<>();
        for (JsonNode d : deviceList) {
            String mac = AuthApi.text(d.path("mac"));
            String model = AuthApi.text(d.path("product_model"));
            if (!CameraModel.isGwell(model) && !CameraModel.isGwell(mac)) {
                continue;
            }
            CameraId id;
            try {
                id = CameraId.of(mac);
            } catch (IllegalArgumentException e) {
                LOG.debug("Skipping a GWell device whose id '{}' is not usable: {}", mac, e.getMessage());
                continue;
            }
            String ip = AuthApi.text(d.path("device_params").path("ip"));
            out.add(new CameraInfo(
                    id,
                    AuthApi.text(d.path("nickname")),
                    model,
                    AuthApi.text(d.path("firmware_ver")),
                    IPV4.matcher(ip).matches() ? ip : "",
                    AuthApi.text(d.path("conn_state")).equals("1")));
        }
        return List.copyOf(out);
    }
}
