/**
 * Simulated P2P server and cameras, built from the protocol document (GWELL-PROTOCOL.md §13, with
 * the formats of §6–§10), with seeded impairment and a record of client protocol violations. Used
 * by tests, the demo mode ({@code simulate}) and the benchmark.
 *
 * <p>Entry points: {@link dev.gwellbridge.sim.Simulator#start} with a {@link
 * dev.gwellbridge.sim.SimulatorConfig} gives a {@link dev.gwellbridge.sim.SimulatorHandle}: the
 * server's address, per-camera {@link dev.gwellbridge.sim.SimCameraHandle}s (identity, controls,
 * the H.264 sent) and the {@link dev.gwellbridge.sim.Violations} record.
 *
 * <p>Structure: a sans-IO core ({@code SimWorld}: {@code SimServer} with its certify and relay
 * desks, {@code SimCamera} with one {@code CameraSession} per call, each direction of each UDP
 * link an {@code ImpairedLink}) driven by received traffic and a millisecond clock; unit tests
 * drive it with a virtual clock. {@code SimulatorLoop} drives it from real sockets on one thread.
 *
 * <p>Thread rules: the core is confined to the loop thread; the handles post commands to it and
 * read only thread-safe snapshots. Randomness comes from the run seed only, one generator per
 * purpose and direction, so the same seed and the same traffic give the same run.
 *
 * <p>Uses the protocol packages (crypto, wire, kcp) and the H.264 parser in the peer role; nothing
 * else of the bridge.
 */
package dev.gwellbridge.sim;
