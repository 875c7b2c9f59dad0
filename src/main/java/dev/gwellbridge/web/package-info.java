/**
 * The ingress page and its JSON API (Javalin): credentials, bridge and camera status, controls, live
 * view and Server-Sent Events.
 *
 * <p>{@link dev.gwellbridge.web.WebServer} is the entry point; the application provides a {@link
 * dev.gwellbridge.web.WebSettings} (where to listen, who may connect) and a {@link
 * dev.gwellbridge.web.WebBackend} (the camera seam's ports and a few suppliers).
 *
 * <p>Handlers read immutable snapshots; state changes only by POST with JSON from an allowed,
 * same-origin caller. Only the TCP peer address decides who may connect, never a forwarded header.
 * Request handlers run on Jetty's {@code web-http} threads; everything written to live-feed streams
 * is written by the single {@code web-events} thread. Every string that leaves passes through the
 * secrets registry.
 */
package dev.gwellbridge.web;
