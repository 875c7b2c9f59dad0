package dev.gwellbridge.camera;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Topic and stream-path names (HA-INTEGRATION §5.1): the nickname in lower case with runs of other
 * characters turned into {@code _}; a collision gets {@code _<last 4 of the MAC>}. A camera's slug
 * is frozen on first sight, so renaming it in the Wyze app does not break Frigate or Node-RED
 * configurations; an options {@code name} overrides it for as long as it is set.
 *
 * <p>A slug frozen for a camera is never given to another one, even while that camera is absent.
 * Confined to the supervisor's serial lane.
 */
final class SlugAllocator {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");
    private static final String FALLBACK = "camera";

    private final Map<CameraId, String> frozen;
    private final Map<CameraId, String> assigned = new HashMap<>();

    /** @param frozen slugs frozen earlier (from the store), by device id */
    SlugAllocator(Map<CameraId, String> frozen) {
        this.frozen = new HashMap<>(frozen);
    }

    /** Lower case, accents dropped, runs of anything but letters and digits as one {@code _}, trimmed. */
    static String slugify(String name) {
        String plain =
                MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String s = OTHER.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("_");
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '_') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '_') {
            to--;
        }
        return s.substring(from, to);
    }

    /** The slug frozen for a camera, if it has been seen before. */
    Optional<String> frozen(CameraId id) {
        return Optional.ofNullable(frozen.get(id));
    }

    /**
     * The slug a present camera uses: its frozen slug (frozen now from {@code nickname} on first
     * sight), or the override name made unique when one is set.
     */
    String assign(CameraId id, String nickname, String overrideName) {
        String own = frozen.get(id);
        if (own == null) {
            own = unique(nickname, id, takenBesides(id));
            frozen.put(id, own);
        }
        String slug = overrideName.isBlank() ? own : unique(overrideName, id, takenBesides(id));
        assigned.put(id, slug);
        return slug;
    }

    /** The camera left: its slug is free for overrides, its frozen slug stays reserved. */
    void release(CameraId id) {
        assigned.remove(id);
    }

    private Set<String> takenBesides(CameraId id) {
        Set<String> taken = new HashSet<>();
        frozen.forEach((k, v) -> {
            if (!k.equals(id)) {
                taken.add(v);
            }
        });
        assigned.forEach((k, v) -> {
            if (!k.equals(id)) {
                taken.add(v);
            }
        });
        return taken;
    }

    private static String unique(String name, CameraId id, Set<String> taken) {
        String base = slugify(name);
        if (base.isEmpty()) {
            base = FALLBACK;
        }
        if (!taken.contains(base)) {
            return base;
        }
        String mac = id.mac().toLowerCase(Locale.ROOT);
        String last4 = base + "_" + mac.substring(Math.max(0, mac.length() - 4));
        if (!taken.contains(last4)) {
            return last4;
        }
        String whole = base + "_" + mac;
        for (int n = 2; taken.contains(whole); n++) {
            whole = base + "_" + mac + "_" + n;
        }
        return whole;
    }
}
