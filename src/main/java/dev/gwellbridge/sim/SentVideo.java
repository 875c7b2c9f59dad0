package dev.gwellbridge.sim;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The H.264 bytes a camera handed to KCP in its current stream (since the last head_info), so tests
 * can compare what a client received byte for byte. Bytes beyond {@link #limit} are counted, not
 * kept. Written by the simulator's loop, read from any thread.
 */
final class SentVideo {
    private final ReentrantLock lock = new ReentrantLock();
    private final int limit;
    private ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;
    private int streams;

    /** @param limit most bytes kept per stream */
    SentVideo(int limit) {
        this.limit = limit;
    }

    /** A new stream begins: forget the previous one. */
    void newStream() {
        lock.lock();
        try {
            kept = new ByteArrayOutputStream();
            total = 0;
            streams++;
        } finally {
            lock.unlock();
        }
    }

    void append(byte[] picture) {
        lock.lock();
        try {
            int room = (int) Math.max(0, Math.min(picture.length, limit - (long) kept.size()));
            kept.write(picture, 0, room);
            total += picture.length;
        } finally {
            lock.unlock();
        }
    }

    /** The bytes kept of the current stream. */
    byte[] bytes() {
        lock.lock();
        try {
            return kept.toByteArray();
        } finally {
            lock.unlock();
        }
    }

    /** Bytes sent in the current stream, kept or not. */
    long total() {
        lock.lock();
        try {
            return total;
        } finally {
            lock.unlock();
        }
    }

    /** How many streams began so far. */
    int streams() {
        lock.lock();
        try {
            return streams;
        } finally {
            lock.unlock();
        }
    }
}
