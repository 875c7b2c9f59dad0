/**
 * Wire formats: GUTES frames and their messages, discovery frames, MTP framing and session-control
 * messages, and the AV layer.
 *
 * <p>GUTES entry points: {@link dev.gwellbridge.wire.AccessCredentials} parses the cloud
 * credential; one {@code <Message>Codec} per message builds ({@code encode}) and parses ({@code
 * decode}) frames in both directions; {@link dev.gwellbridge.wire.GutesCipher} holds the three
 * encryption modes and the robust receive order; {@link dev.gwellbridge.wire.GutesClassifier} turns
 * a received datagram into a typed {@link dev.gwellbridge.wire.GutesMessage} at the client or at a
 * peer; {@link dev.gwellbridge.wire.ServerListCodec} and {@link dev.gwellbridge.wire.BuiltinServers}
 * cover discovery.
 *
 * <p>Codecs are stateless; messages are immutable records. Decoders throw {@link
 * dev.gwellbridge.wire.FrameException} for malformed input and nothing else. JDK only, no I/O, no
 * threads; randomness and time arrive as parameters, so every frame can be rebuilt byte for byte.
 * Logging is at TRACE only.
 */
package dev.gwellbridge.wire;
