package dev.gwellbridge.camera;

import java.util.Locale;

/** GWell camera models and their product names. */
public enum CameraModel {
    GW_GC1("Wyze Cam OG"),
    GW_GC2("Wyze Cam OG Telephoto 3X"),
    GW_BE1("Wyze Video Doorbell Pro"),
    GW_DBD("Wyze Video Doorbell Duo"),
    GW_DUO("Wyze Cam Pan Duo"),
    GW_WC("Wyze Window Cam");

    private final String productName;

    CameraModel(String productName) {
        this.productName = productName;
    }

    public String productName() {
        return productName;
    }

    /** The product name for a model id, or a generic name for an unknown {@code GW_} model. */
    public static String productName(String modelId) {
        String upper = modelId.toUpperCase(Locale.ROOT);
        for (CameraModel m : values()) {
            if (m.name().equals(upper)) {
                return m.productName;
            }
        }
        return "Wyze GWell camera (" + modelId + ")";
    }

    /** Whether a model id or device id belongs to the GWell family. */
    public static boolean isGwell(String modelOrDeviceId) {
        return modelOrDeviceId.toUpperCase(Locale.ROOT).startsWith("GW_");
    }
}
