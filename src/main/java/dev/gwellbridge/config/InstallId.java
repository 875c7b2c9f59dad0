package dev.gwellbridge.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A random identifier of this installation, kept in {@code <data dir>/install_id}. It makes the
 * MQTT client id unique per install ({@code wyzegw-<first 8 hex>}), so two bridges on one broker
 * never kick each other off, and stays the same across restarts and updates.
 *
 * <p>Created on first use and written atomically; an unreadable file is moved aside and replaced.
 */
public record InstallId(UUID value) {
    private static final Logger LOG = LoggerFactory.getLogger(InstallId.class);

    public InstallId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads the id from {@code dir}, creating and storing a new random one when there is none (or
     * the stored one is not a UUID).
     *
     * @param random source of the new id's bits (a {@link java.security.SecureRandom} in production)
     * @param clock names the quarantined copy of a corrupt file
     * @throws IOException when the file can neither be read nor written
     */
    public static InstallId loadOrCreate(DataDir dir, RandomGenerator random, InstantSource clock) throws IOException {
        Path file = dir.installId();
        Optional<byte[]> stored = AtomicFile.read(file);
        if (stored.isPresent()) {
            String text = new String(stored.get(), StandardCharsets.UTF_8).trim();
            Optional<InstallId> parsed = parse(text);
            if (parsed.isPresent()) {
                return parsed.get();
            }
            AtomicFile.quarantine(file, "not a UUID", clock);
        }
        InstallId id = new InstallId(randomUuid(random));
        AtomicFile.write(file, (id.value + "\n").getBytes(StandardCharsets.UTF_8));
        LOG.info("created install id {}", id.shortHex());
        return id;
    }

    /** Parses the stored form (a UUID in text). */
    public static Optional<InstallId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID u = UUID.fromString(text);
            // UUID.fromString accepts short groups; insist on the canonical form we write.
            return u.toString().equalsIgnoreCase(text) ? Optional.of(new InstallId(u)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The first 8 hex digits, lower case: short enough for client ids and log lines. */
    public String shortHex() {
        return value.toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value.toString();
    }

    /** A version-4 (random) UUID from {@code random}, as {@link UUID#randomUUID()} builds one. */
    static UUID randomUuid(RandomGenerator random) {
        long msb = random.nextLong();
        long lsb = random.nextLong();
        msb = (msb & ~0xF000L) | 0x4000L;
        lsb = (lsb & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
