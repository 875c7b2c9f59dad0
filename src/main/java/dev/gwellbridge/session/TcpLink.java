package dev.gwellbridge.session;

import java.io.Closeable;
import java.io.IOException;

/**
 * One TCP relay connection. {@link #read} is called by the connection's reader thread only,
 * {@link #write} by the session thread only; {@link #close} from either.
 */
public interface TcpLink extends Closeable {

    /** Writes all of {@code data}. */
    void write(byte[] data) throws IOException;

    /**
     * Reads some bytes; -1 at the end of the stream.
     *
     * @param timeoutMillis give up (with {@link java.net.SocketTimeoutException}) after this long
     *     without data
     */
    int read(byte[] buf, long timeoutMillis) throws IOException;
}
