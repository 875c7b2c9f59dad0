/**
 * The client side of one camera connection: a sans-IO state machine for the seven phases, and the
 * driver that runs it on real UDP and TCP sockets.
 *
 * <p>All mutable session state is confined to the session thread; receive threads only hand
 * datagrams over through a mailbox. Depends on crypto, wire, kcp and camera only.
 */
package dev.gwellbridge.session;
