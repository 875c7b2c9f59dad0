package dev.gwellbridge.ha;

import java.util.Arrays;
import java.util.List;

/**
 * The per-camera topics below {@code <base>/<cam>/}, with direction, retain flag and QoS as in the
 * topic table of the integration design.
 */
public enum CameraTopic {
    AVAILABILITY("availability", Direction.OUT, true, 1),
    STATUS("status", Direction.OUT, true, 1),
    STREAM_STATE("stream/state", Direction.OUT, true, 1),
    STREAM_SET("stream/set", Direction.IN, false, 1),
    RESTART_SET("restart/set", Direction.IN, false, 1),
    SNAPSHOT_SET("snapshot/set", Direction.IN, false, 1),
    SNAPSHOT("snapshot", Direction.OUT, true, 0),
    QUALITY_STATE("quality/state", Direction.OUT, true, 1),
    QUALITY_SET("quality/set", Direction.IN, false, 1),
    INFO("info", Direction.OUT, true, 1),
    STATS("stats", Direction.OUT, true, 0),
    EVENT("event", Direction.OUT, false, 1);

    /** Whether the bridge publishes or subscribes to a topic. */
    public enum Direction {
        IN,
        OUT
    }

    private final String path;
    private final Direction direction;
    private final boolean retained;
    private final int qos;

    CameraTopic(String path, Direction direction, boolean retained, int qos) {
        this.path = path;
        this.direction = direction;
        this.retained = retained;
        this.qos = qos;
    }

    /** The path below the camera's slug, e.g. {@code stream/set}. */
    public String path() {
        return path;
    }

    public Direction direction() {
        return direction;
    }

    /** Whether the bridge publishes it retained (always false for command topics). */
    public boolean retained() {
        return retained;
    }

    public int qos() {
        return qos;
    }

    /** The topics the bridge publishes retained, i.e. what must be cleared when a camera goes. */
    public static List<CameraTopic> retainedOutputs() {
        return Arrays.stream(values())
                .filter(t -> t.direction == Direction.OUT && t.retained)
                .toList();
    }

    /** The command topics the bridge subscribes to. */
    public static List<CameraTopic> commands() {
        return Arrays.stream(values()).filter(t -> t.direction == Direction.IN).toList();
    }
}
