package dev.gwellbridge.sim;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.kcp.KcpEndpoint;
import dev.gwellbridge.wire.AvMessage;
import dev.gwellbridge.wire.AvMessageCodec;
import dev.gwellbridge.wire.HeadInfoCodec;

/**
 * Paces a {@link VideoSource} into AV messages on the DATA engine (GWELL-PROTOCOL.md §10.4, §13.2
 * item 8): first the head_info record, then each picture at its due time, cut into type-4 messages
 * of about {@code bodyBytes} each, bodies RC5-32 encrypted with the MTP key (tail rule).
 *
 * <p>Nothing is dropped: while the engine holds a full send window the pump waits (the camera
 * "stops sending"), and a pump that fell more than {@link #MAX_LAG_MS} behind restarts its clock
 * instead of bursting. A body never starts with the head_info magic {@code FF FF FF 88}, which a
 * client would strip; the cut moves one byte instead. Sans-IO, confined to the loop thread.
 */
final class VideoPump {
    /** How far behind schedule the pump may fall before it rebases its clock. */
    static final long MAX_LAG_MS = 1000;

    private final VideoSource source;
    private final Rc5x32 mtpKey;
    private final int bodyBytes;
    private final boolean loop;
    private final SentVideo sent;
    private long epoch;
    private long rebased;
    private long next;
    private boolean running;
    private boolean finished;

    VideoPump(VideoSource source, Rc5x32 mtpKey, int bodyBytes, boolean loop, SentVideo sent) {
        this.source = source;
        this.mtpKey = mtpKey;
        this.bodyBytes = bodyBytes;
        this.loop = loop;
        this.sent = sent;
    }

    /** Starts a stream from the first picture: queues head_info now, pictures from {@code now} on. */
    void start(long now, KcpEndpoint data) {
        sent.newStream();
        data.send(AvMessageCodec.encode(new AvMessage(AvMessage.TYPE_AV_DATA, 0, headInfo()), mtpKey));
        epoch = now;
        rebased = 0;
        next = 0;
        running = true;
        finished = false;
    }

    /** Stops sending; a later {@link #start} begins again from the first picture. */
    void stop() {
        running = false;
    }

    /**
     * Queues every picture that is due, as long as the engine has fewer than {@code window} segments
     * waiting.
     */
    void pump(long now, KcpEndpoint data, int window) {
        if (!running || finished) {
            return;
        }
        if (now - dueAt(next) > MAX_LAG_MS) {
            epoch = now;
            rebased = next;
        }
        while (now >= dueAt(next) && data.waitSnd() < window) {
            int index = (int) (next % source.pictureCount());
            if (next > 0 && index == 0 && !loop) {
                finished = true;
                return;
            }
            byte[] picture = source.picture(index);
            send(picture, data);
            sent.append(picture);
            next++;
        }
    }

    /** When the next picture is due ({@code Long.MAX_VALUE} when nothing is left to send). */
    long nextDue() {
        return running && !finished ? dueAt(next) : Long.MAX_VALUE;
    }

    boolean running() {
        return running && !finished;
    }

    /** Pictures queued so far in this stream. */
    long picturesSent() {
        return next;
    }

    private long dueAt(long n) {
        return epoch + source.dueOffsetMillis(n - rebased);
    }

    private void send(byte[] picture, KcpEndpoint data) {
        int off = 0;
        while (off < picture.length) {
            int len = chunkLength(picture, off, bodyBytes);
            byte[] body = new byte[len];
            System.arraycopy(picture, off, body, 0, len);
            data.send(AvMessageCodec.encode(new AvMessage(AvMessage.TYPE_AV_DATA, 0, body), mtpKey));
            off += len;
        }
    }

    /**
     * Length of the body starting at {@code off}: {@code max} bytes or the rest, one more when the
     * following body would otherwise start with the head_info magic and be cut short by the client.
     */
    static int chunkLength(byte[] picture, int off, int max) {
        int len = Math.min(max, picture.length - off);
        int nextStart = off + len;
        int nextLength = Math.min(max, picture.length - nextStart);
        if (nextStart < picture.length && HeadInfoCodec.startsWithHeadInfo(picture, nextStart, nextLength)) {
            len++;
        }
        return len;
    }

    /** The 28-byte head_info: magic, then frame rate numerator and denominator (the rest zero). */
    private byte[] headInfo() {
        byte[] params = new byte[HeadInfoCodec.PARAMS_LENGTH];
        Le.putInt32(params, 0, (int) source.frameRate().num());
        Le.putInt32(params, 4, (int) source.frameRate().den());
        return HeadInfoCodec.encode(params);
    }
}
