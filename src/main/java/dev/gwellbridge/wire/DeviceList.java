package dev.gwellbridge.wire;

import java.util.List;
import java.util.Optional;

/**
 * InitInfoResp (0xA7, server → client): the account's devices. See {@link DeviceListCodec}.
 *
 * @param route proto and ID words (not read by the client)
 * @param sqnum sequence number (not read by the client)
 * @param flags flags word; its mode bits choose the encryption (mode 2 in practice)
 * @param options the option bits at payload [0..4) (not used)
 * @param devices at most 32 devices
 */
public record DeviceList(GutesRoute route, int sqnum, int flags, int options, List<DeviceEntry> devices)
        implements GutesMessage {
    /** Largest device count the client accepts. */
    public static final int MAX_DEVICES = 32;

    public DeviceList {
        devices = List.copyOf(devices);
        if (devices.size() > MAX_DEVICES) {
            throw new IllegalArgumentException("at most 32 devices");
        }
    }

    /** A mode-2 list as a simulator sends it. */
    public static DeviceList of(long routingId, int sqnum, List<DeviceEntry> devices) {
        return new DeviceList(
                GutesRoute.routing(routingId), sqnum, GutesFlags.of(GutesMode.SESSION_KEY, 0), 0, devices);
    }

    /**
     * The client's target selection: the device whose name equals {@code deviceId} exactly,
     * otherwise the first device; empty only for an empty list.
     */
    public Optional<DeviceEntry> select(String deviceId) {
        return devices.stream()
                .filter(d -> d.name().equals(deviceId))
                .findFirst()
                .or(() -> devices.stream().findFirst());
    }

    @Override
    public int subtype() {
        return SUB_INIT_INFO_RESP;
    }
}
