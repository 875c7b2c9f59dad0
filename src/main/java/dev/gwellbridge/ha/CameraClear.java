package dev.gwellbridge.ha;

import dev.gwellbridge.camera.CameraId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to publish when a camera leaves: an empty retained payload on its discovery config (HA then
 * removes the device) and on each of its retained state topics.
 */
public final class CameraClear {
    private final Topics topics;

    public CameraClear(Topics topics) {
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    /** Clears for a camera known by id and slug. */
    public List<Publication> camera(CameraId id, String slug) {
        return device(HaIds.device(id), slug);
    }

    /**
     * Clears for a device known only by its discovery object id (from the published-devices file).
     *
     * @param slug the camera's slug, or empty when unknown (then only the config is cleared)
     */
    public List<Publication> device(String objectId, String slug) {
        List<Publication> out = new ArrayList<>();
        out.add(Publication.clear(topics.deviceConfig(objectId), 1));
        if (!slug.isEmpty() && !slug.equals(Topics.BRIDGE)) {
            out.addAll(stateTopics(slug));
        }
        return List.copyOf(out);
    }

    /** Clears only the retained state topics below a slug (after a re-slug; the config stays). */
    public List<Publication> stateTopics(String slug) {
        List<Publication> out = new ArrayList<>();
        for (CameraTopic t : CameraTopic.retainedOutputs()) {
            out.add(Publication.clear(topics.camera(slug, t), t.qos()));
        }
        return List.copyOf(out);
    }

    /** Clears a retained command (a command must never be retained). */
    public static Publication retainedCommand(String topic) {
        return Publication.clear(topic, 1);
    }
}
