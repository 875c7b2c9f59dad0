package dev.gwellbridge.wire;

/**
 * Receives H.264 Annex B bytes recovered from AV data. The bytes are only valid during the call.
 */
@FunctionalInterface
public interface H264Sink {
    void write(byte[] buf, int off, int len);
}
