package dev.gwellbridge.wire;

/**
 * A received frame could not be decoded. Stackless: malformed input is normal on UDP, so creating
 * one must be cheap. The message is a short reason with the layer as prefix, e.g. {@code "mtp: bad
 * magic"}.
 */
public class FrameException extends Exception {

    public FrameException(String reason) {
        super(reason, null, false, false);
    }
}
