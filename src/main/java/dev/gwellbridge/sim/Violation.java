package dev.gwellbridge.sim;

/**
 * One protocol violation by a client.
 *
 * @param kind what rule was broken
 * @param peer who saw it: {@code server} or a camera's device id
 * @param atMillis the simulator's clock when it was seen (milliseconds since it started)
 * @param detail a short human-readable explanation, without secrets
 */
public record Violation(ViolationKind kind, String peer, long atMillis, String detail) {}
