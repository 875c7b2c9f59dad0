/**
 * Wire formats: GUTES frames and their messages, discovery frames, MTP framing and session-control
 * messages, and the AV layer.
 *
 * <p>Codecs are stateless; messages are immutable records. Decoders throw {@link
 * dev.gwellbridge.wire.FrameException} for malformed input and nothing else. JDK only, no I/O, no
 * threads; randomness and time arrive as parameters.
 */
package dev.gwellbridge.wire;
