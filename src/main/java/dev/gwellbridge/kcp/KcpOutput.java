package dev.gwellbridge.kcp;

/**
 * Where an engine sends its output ({@code kcp->output}): one call per buffer of one or more
 * segments, at most the MTU long. The buffer is reused by the engine, so copy what you keep.
 */
@FunctionalInterface
public interface KcpOutput {
    void output(byte[] buf, int len);
}
