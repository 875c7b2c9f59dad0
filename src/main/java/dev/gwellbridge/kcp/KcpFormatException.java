package dev.gwellbridge.kcp;

/**
 * A KCP segment could not be decoded. The kcp layer's twin of {@code wire.FrameException} (this
 * package may use only the JDK): checked and stackless, with a short reason prefixed {@code "kcp:"}.
 */
public class KcpFormatException extends Exception {

    public KcpFormatException(String reason) {
        super(reason, null, false, false);
    }
}
