package dev.gwellbridge.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process that records what is written to its stdin, emits the stderr lines a test gives it, and
 * ends when killed or when its stdin is closed (like ffmpeg at the end of its input).
 */
final class FakeProcess extends Process {
    private static final AtomicLong PIDS = new AtomicLong(40_000);
    private static final byte[] EOF = new byte[0];

    private final long pid = PIDS.incrementAndGet();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final BlockingQueue<byte[]> stderr = new LinkedBlockingQueue<>();
    private final CountDownLatch exited = new CountDownLatch(1);
    private volatile int exitCode = -1;
    private volatile boolean stdinClosed;

    private final OutputStream stdin = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!isAlive() || stdinClosed) {
                throw new IOException("Broken pipe");
            }
            synchronized (written) {
                written.write(b, off, len);
            }
        }

        @Override
        public void close() {
            stdinClosed = true;
            exit(0);
        }
    };

    private final InputStream errorStream = new InputStream() {
        private byte[] chunk = new byte[0];
        private int pos;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        /** Returns what the current line has left, waiting only when nothing is left. */
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (chunk != EOF && pos == chunk.length) {
                try {
                    chunk = stderr.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                pos = 0;
            }
            if (chunk == EOF) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }
    };

    /** Lets the drainer read this line. */
    void emit(String line) {
        stderr.add((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Everything written to stdin so far. */
    byte[] written() {
        synchronized (written) {
            return written.toByteArray();
        }
    }

    boolean stdinClosed() {
        return stdinClosed;
    }

    void exit(int code) {
        if (exited.getCount() == 1) {
            exitCode = code;
            exited.countDown();
            stderr.add(EOF);
        }
    }

    @Override
    public OutputStream getOutputStream() {
        return stdin;
    }

    @Override
    public InputStream getInputStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return errorStream;
    }

    @Override
    public int waitFor() throws InterruptedException {
        exited.await();
        return exitCode;
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return exited.await(timeout, unit);
    }

    @Override
    public int exitValue() {
        if (isAlive()) {
            throw new IllegalThreadStateException("process is running");
        }
        return exitCode;
    }

    @Override
    public boolean isAlive() {
        return exited.getCount() == 1;
    }

    @Override
    public void destroy() {
        exit(143);
    }

    @Override
    public Process destroyForcibly() {
        exit(137);
        return this;
    }

    @Override
    public long pid() {
        return pid;
    }
}
