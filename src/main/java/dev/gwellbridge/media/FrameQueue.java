package dev.gwellbridge.media;

import dev.gwellbridge.h264.AccessUnit;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded hand-off between the stream thread and an ffmpeg writer.
 *
 * <p>{@link #offer} never waits for space. When the queue is full the picture is dropped and so is
 * every following picture up to the next keyframe, because a P picture whose reference is missing
 * only decodes to garbage. A keyframe that arrives while the queue is still full replaces
 * everything queued: the writer is behind anyway, and the keyframe is the freshest point to resume
 * from. Every picture that does not reach the writer this way is counted in {@link #dropped()}.
 *
 * <p>Thread-safe: one or more producers, one consumer. The lock is only held for queue operations.
 */
public final class FrameQueue {
    private final int maxFrames;
    private final long maxBytes;
    private final ArrayDeque<AccessUnit> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private long queuedBytes;
    private boolean gating;
    private long dropped;

    /**
     * @param maxFrames pictures the queue holds at most
     * @param maxBytes bytes the queue holds at most (a keyframe is always accepted into an empty queue)
     */
    public FrameQueue(int maxFrames, long maxBytes) {
        if (maxFrames < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("queue limits must be positive");
        }
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
    }

    /**
     * Queues a picture unless it has to be dropped (see the class comment). Never blocks.
     *
     * @return whether the picture was queued
     */
    public boolean offer(AccessUnit au) {
        lock.lock();
        try {
            if (gating && !au.keyframe()) {
                dropped++;
                return false;
            }
            gating = false;
            if (full(au)) {
                if (!au.keyframe()) {
                    dropped++;
                    gating = true;
                    return false;
                }
                dropped += queue.size();
                queue.clear();
                queuedBytes = 0;
            }
            queue.addLast(au);
            queuedBytes += au.size();
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest picture, waiting up to the timeout; null when none arrived in time. */
    public AccessUnit poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            AccessUnit au = queue.removeFirst();
            queuedBytes -= au.size();
            return au;
        } finally {
            lock.unlock();
        }
    }

    /** Pictures dropped because the queue was full, including those dropped up to a keyframe. */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private boolean full(AccessUnit au) {
        return queue.size() >= maxFrames || (!queue.isEmpty() && queuedBytes + au.size() > maxBytes);
    }
}
