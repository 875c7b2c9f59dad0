package dev.gwellbridge.camera;

/** The slug rule of {@link SlugAllocator} for callers outside this package (matching a name typed by a user). */
public final class Slugs {
    private Slugs() {}

    /** Lower case, accents dropped, runs of anything but letters and digits as one {@code _}, trimmed. */
    public static String of(String name) {
        return SlugAllocator.slugify(name);
    }
}
