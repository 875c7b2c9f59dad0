package dev.gwellbridge.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The device-list example of the cloud API notes, section 6.6. */
class DeviceListTest {
    private static final String EXAMPLE = """
            {"device_list": [
              {"mac": "GW_GC1_0A1B2C3D4E5F", "product_type": "Camera", "product_model": "GW_GC1",
               "nickname": "Garage", "firmware_ver": "1.0.0.1", "hardware_ver": "1.0", "enr": "EXAMPLE_ENR_1",
               "conn_state": 1, "conn_state_ts": 1699999990000, "parent_device_mac": "", "timezone_name": "Etc/UTC",
               "device_params": {"p2p_id": "0A1B2C3D4E5F", "p2p_type": 4, "ip": "",
                                 "camera_thumbnails": {"thumbnails_url": "https://example.invalid/thumb1.jpg"}}},
              {"mac": "GW_BE1_0A1B2C3D4E60", "product_type": "Camera", "product_model": "GW_BE1",
               "nickname": "Front Door", "firmware_ver": "1.0.0.2", "enr": "EXAMPLE_ENR_2", "conn_state": 0,
               "conn_state_ts": 1699990000000, "device_params": {"ip": "", "camera_thumbnails": {}}},
              {"mac": "AABBCCDDEEFF", "product_type": "Camera", "product_model": "WYZE_CAKP2JFUS",
               "nickname": "Backyard", "firmware_ver": "4.36.14.3497", "enr": "EXAMPLE_ENR_3", "conn_state": 1,
               "device_params": {"p2p_id": "EXAMPLEUID0000000001", "p2p_type": 4, "ip": "192.0.2.10", "dtls": 1,
                                 "camera_thumbnails": {"thumbnails_url": "https://example.invalid/thumb3.jpg"}}},
              {"mac": "112233445566", "product_type": "Plug", "product_model": "WLPP1", "nickname": "Lamp",
               "conn_state": 1, "device_params": {}}
            ]}
            """;

    private static List<CameraInfo> parse(String json) throws Exception {
        return DeviceList.gwellCameras(Json.MAPPER.readTree(json).path("device_list"));
    }

    @Test
    void exampleListYieldsTwoGwellCamerasWithoutLanIp() throws Exception {
        List<CameraInfo> cams = parse(EXAMPLE);

        assertThat(cams)
                .extracting(c -> c.id().deviceId())
                .containsExactly("GW_GC1_0A1B2C3D4E5F", "GW_BE1_0A1B2C3D4E60");
        assertThat(cams).extracting(CameraInfo::cloudOnline).containsExactly(true, false);
        assertThat(cams).extracting(CameraInfo::lanIp).containsExactly("", "");
        assertThat(cams).extracting(CameraInfo::name).containsExactly("Garage", "Front Door");
        assertThat(cams).extracting(CameraInfo::firmware).containsExactly("1.0.0.1", "1.0.0.2");
        assertThat(cams.get(0).id().mac()).isEqualTo("0A1B2C3D4E5F");
    }

    @Test
    void knownModelsGetTheirProductNames() throws Exception {
        String list = """
                {"device_list": [
                  {"mac": "GW_GC2_000000000001", "product_model": "GW_GC2", "conn_state": "1"},
                  {"mac": "GW_DUO_000000000002", "product_model": "GW_DUO"},
                  {"mac": "GW_WC_000000000003", "product_model": "GW_WC", "device_params": {"ip": "192.168.1.50"}},
                  {"mac": "GW_XYZ_000000000004", "product_model": "", "nickname": "  "}
                ]}
                """;
        List<CameraInfo> cams = parse(list);

        assertThat(cams)
                .extracting(CameraInfo::modelName)
                .containsExactly(
                        "Wyze Cam OG Telephoto 3X",
                        "Wyze Cam Pan Duo",
                        "Wyze Window Cam",
                        "Wyze GWell camera (GW_XYZ)");
        assertThat(cams.get(0).cloudOnline()).isTrue();
        assertThat(cams.get(2).lanIp()).isEqualTo("192.168.1.50");
        assertThat(cams.get(3).name()).isEqualTo("GW_XYZ_000000000004");
    }

    @Test
    void unusableIdsAndBadIpsAreSkippedOrBlanked() throws Exception {
        String list = """
                {"device_list": [
                  {"mac": "GW bad id", "product_model": "GW_GC1"},
                  {"mac": "GW_GC1_000000000009", "product_model": "GW_GC1", "device_params": {"ip": "999.1.1.1"}},
                  "not an object"
                ]}
                """;
        List<CameraInfo> cams = parse(list);

        assertThat(cams).hasSize(1);
        assertThat(cams.get(0).lanIp()).isEmpty();
    }
}
