package dev.gwellbridge.sim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * A non-blocking TCP connection of the loop with an unbounded-until-limit write queue: what the
 * socket does not take now is written when it becomes writable. Confined to the loop thread.
 */
final class TcpConnection {
    /** A peer that lets this much pile up is not reading: the connection is closed. */
    static final int MAX_PENDING = 16 << 20;

    private final SocketChannel channel;
    private final RelayLink link;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private SelectionKey key;
    private int pendingBytes;

    TcpConnection(SocketChannel channel, RelayLink link) {
        this.channel = channel;
        this.link = link;
    }

    SocketChannel channel() {
        return channel;
    }

    RelayLink link() {
        return link;
    }

    void key(SelectionKey key) {
        this.key = key;
    }

    /**
     * Writes now what the socket takes and queues the rest.
     *
     * @return false when the queue overflowed (the caller closes the connection)
     */
    boolean write(byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        if (pending.isEmpty()) {
            channel.write(buf);
        }
        if (buf.hasRemaining()) {
            pending.add(buf);
            pendingBytes += buf.remaining();
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        }
        return pendingBytes <= MAX_PENDING;
    }

    /** The socket became writable: writes queued bytes. */
    void flush() throws IOException {
        while (!pending.isEmpty()) {
            ByteBuffer buf = pending.peek();
            int n = channel.write(buf);
            pendingBytes -= n;
            if (buf.hasRemaining()) {
                return;
            }
            pending.poll();
        }
        key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a broken connection: nothing left to do with it.
        }
    }
}
