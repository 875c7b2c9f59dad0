package dev.gwellbridge.wire;

/**
 * Device-id mode Subscribe (36 bytes).
 *
 * @param route proto and ID words
 * @param sqnum the sequence number
 * @param deviceId the device id field; the reference puts the viewer's own accessId here
 */
public record SubscribeDeviceId(GutesRoute route, int sqnum, long deviceId) implements Subscribe {}
