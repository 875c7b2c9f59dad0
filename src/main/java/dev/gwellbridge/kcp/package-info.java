/**
 * The KCP ARQ engine (stock ikcp semantics with the GWell reference's parameters and differences,
 * GWELL-PROTOCOL.md §9) and the KCP segment codec.
 *
 * <p>Sans-IO: {@link dev.gwellbridge.kcp.KcpEndpoint} is driven by {@code input(bytes, off, len,
 * now)}, {@code send}, {@code recv}, {@code update(now)} and {@code check(now)}, with time as
 * milliseconds from the caller's clock (truncated to 32 bits like the reference), and writes through
 * a {@link dev.gwellbridge.kcp.KcpOutput} callback. Malformed segments give {@link
 * dev.gwellbridge.kcp.KcpFormatException} from the codec and negative return codes from the
 * engine. An engine is confined to the thread that drives it. JDK only; logging at TRACE only.
 */
package dev.gwellbridge.kcp;
