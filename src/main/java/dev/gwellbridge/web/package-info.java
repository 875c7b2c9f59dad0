/**
 * The ingress page and its JSON API (Javalin): credentials, bridge and camera status, controls, live
 * view and Server-Sent Events.
 *
 * <p>Handlers read immutable snapshots; state changes only by POST with JSON from an allowed,
 * same-origin caller.
 */
package dev.gwellbridge.web;
