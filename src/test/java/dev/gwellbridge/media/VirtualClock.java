package dev.gwellbridge.media;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that only moves when the test says so. */
final class VirtualClock implements InstantSource {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }
}
