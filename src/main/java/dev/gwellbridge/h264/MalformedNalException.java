package dev.gwellbridge.h264;

/**
 * A NAL unit could not be parsed. Stackless, like every decode failure of untrusted input: a camera
 * may send anything. The message is a short reason prefixed with {@code h264:}.
 */
public final class MalformedNalException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedNalException(String reason) {
        super(reason, null, false, false);
    }
}
