/**
 * Simulated P2P server and cameras, built from the protocol document, with seeded impairment and a
 * record of client protocol violations. Used by tests, the demo mode and the benchmark.
 *
 * <p>Uses the protocol packages in the peer role.
 */
package dev.gwellbridge.sim;
