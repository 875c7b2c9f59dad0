package dev.gwellbridge.wire;

/**
 * Relay registration (GWELL-PROTOCOL.md §8.3): a 74-byte MTP frame sent to UDP relays and as the
 * first bytes of every TCP relay connection. Layout in {@link RelayRegistrationCodec}.
 *
 * @param linkId the call's linkId
 * @param accessId LE64 source id (the viewer's accessId)
 * @param cameraTid LE64 destination id (the camera TID)
 * @param timeMs LE64 wall-clock time in ms, at payload offset 32
 */
public record RelayRegistration(int linkId, long accessId, long cameraTid, long timeMs) {}
