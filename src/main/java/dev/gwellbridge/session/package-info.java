/**
 * The client side of one camera connection (GWELL-PROTOCOL.md §11): a sans-IO state machine for the
 * seven phases and the driver that runs it on real UDP and TCP sockets.
 *
 * <p>Entry points: {@link dev.gwellbridge.session.SessionConnector}, the camera seam's {@code
 * StreamConnector}; {@link dev.gwellbridge.session.SessionMachine}, the state machine (inputs:
 * datagrams with their source, TCP relay events and frames, ticks, close; outputs: {@link
 * dev.gwellbridge.session.SessionAction}s, {@link dev.gwellbridge.session.SessionEvent}s and the
 * next wake-up time); {@link dev.gwellbridge.session.SessionEntropy}, the one source of every random
 * value; {@link dev.gwellbridge.session.SessionDriver}, the session loop on sockets.
 *
 * <p>Inside the machine each phase is a small class (certify, init-info, network detect, subscribe,
 * calling, transport setup, INITREQ, streaming) over shared parts: the camera path with the LAN
 * filter and the single-address lock, the camera traffic handler, relay activation, the KCP pair
 * and the counters. Phases move on as soon as their answer arrives; the documented timeouts are
 * upper bounds.
 *
 * <p>Threads: the machine and everything it owns are confined to the {@code session-<device id>}
 * thread, with no locks. The {@code udp-rx-<device id>} and {@code tcp-rx-<device id>-<n>} threads
 * only hand received bytes over through a bounded mailbox. Depends on crypto, wire, kcp and camera
 * only.
 */
package dev.gwellbridge.session;
