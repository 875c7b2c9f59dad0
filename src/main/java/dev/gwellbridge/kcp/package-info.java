/**
 * The KCP ARQ engine (stock ikcp semantics with the GWell reference's parameters) and the KCP
 * segment codec.
 *
 * <p>Sans-IO: driven by {@code input(bytes, now)}, {@code update(now)} and {@code check(now)},
 * output through a callback. An engine is confined to the thread that drives it. JDK only.
 */
package dev.gwellbridge.kcp;
