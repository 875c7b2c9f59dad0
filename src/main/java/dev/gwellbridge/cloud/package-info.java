/**
 * Wyze cloud client: login, camera list and per-camera P2P credentials (Mars), with a per-device
 * credential cache and request etiquette (rate limits, backoff).
 *
 * <p>Secrets never appear in exceptions or logs. Time is injected so the etiquette can be tested on a
 * virtual clock.
 */
package dev.gwellbridge.cloud;
