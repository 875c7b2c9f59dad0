/**
 * The domain seam between the protocol and the outputs: camera identity, state and events, the
 * commands users give, and the ports the supervisor drives (stream connector, credentials, media).
 *
 * <p>MQTT, the page and media depend on this package, never on session internals. Value types here
 * are immutable and safe to share across threads; listeners are called on supervisor threads and
 * must not block.
 */
package dev.gwellbridge.camera;
