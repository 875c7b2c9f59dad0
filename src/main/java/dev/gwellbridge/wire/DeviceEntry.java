package dev.gwellbridge.wire;

/**
 * One device of the 0xA7 device list (GWELL-PROTOCOL.md §6.4).
 *
 * @param tid the device's terminal id
 * @param status the unknown 16-bit field at entry+8 (status/type)
 * @param attribute the unknown 16-bit field at entry+10
 * @param name the device name, e.g. {@code GW_GC2_D03F27000001}: at most 32 characters in
 *     U+0001..U+00FF (one byte each on the wire, NUL-padded)
 */
public record DeviceEntry(long tid, int status, int attribute, String name) {
    /** Bytes reserved for the name. */
    public static final int NAME_LENGTH = 32;

    public DeviceEntry {
        if (status < 0 || status > 0xFFFF || attribute < 0 || attribute > 0xFFFF) {
            throw new IllegalArgumentException("status and attribute are 16 bits");
        }
        if (name.length() > NAME_LENGTH || !name.chars().allMatch(c -> c >= 1 && c <= 0xFF)) {
            throw new IllegalArgumentException("device name must be at most 32 one-byte characters without NUL");
        }
    }

    /** True when the name is printable ASCII, as every real device id is. */
    public boolean hasPrintableName() {
        return name.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }
}
