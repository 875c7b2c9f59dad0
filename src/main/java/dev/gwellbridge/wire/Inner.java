package dev.gwellbridge.wire;

/**
 * A P2P inner message (0xB9): NetworkDetect, PASSTHROUGH control or PASSTHROUGH data. They share
 * the subtype; {@link InnerCodec} tells them apart.
 */
public sealed interface Inner extends GutesMessage permits NetworkDetect, Passthrough {
    @Override
    default int subtype() {
        return SUB_P2P_INNER;
    }
}
