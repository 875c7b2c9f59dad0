package dev.gwellbridge.wire;

/** Subscribe (0xB0, client → server) in device-id or token mode. See {@link SubscribeCodec}. */
public sealed interface Subscribe extends GutesMessage permits SubscribeDeviceId, SubscribeToken {
    /** Proto and ID words: 0x7E + routing id when known, else 0x7F + accessId. */
    GutesRoute route();

    /** The sequence number. */
    int sqnum();

    @Override
    default int subtype() {
        return SUB_SUBSCRIBE;
    }
}
