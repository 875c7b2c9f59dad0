package dev.gwellbridge.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * The bridge's delays and periods. {@link #DEFAULT} holds the values of the integration design;
 * tests shorten them.
 *
 * @param birthDelayMin lower bound of the random wait after HA's {@code online} before republishing
 * @param birthDelayMax upper bound of that wait
 * @param statsInterval how often {@code stats} is republished while a camera streams
 * @param bridgeStateInterval how often {@code bridge/state} is republished
 * @param coalesceWindow commands for one camera feature within this window collapse to the last one
 * @param startLimit at most one start or restart per camera within this window
 * @param reconnectMin first reconnect delay; later ones grow (jittered) up to {@code reconnectMax}
 * @param reconnectMax the reconnect delay cap
 * @param keepAlive MQTT keep-alive interval
 * @param operationTimeout how long a connect, subscribe or publish may take
 */
public record MqttTimings(
        Duration birthDelayMin,
        Duration birthDelayMax,
        Duration statsInterval,
        Duration bridgeStateInterval,
        Duration coalesceWindow,
        Duration startLimit,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration keepAlive,
        Duration operationTimeout) {

    public static final MqttTimings DEFAULT = new MqttTimings(
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            Duration.ofSeconds(1),
            Duration.ofSeconds(60),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10));

    public MqttTimings {
        Objects.requireNonNull(birthDelayMin, "birthDelayMin");
        Objects.requireNonNull(birthDelayMax, "birthDelayMax");
        Objects.requireNonNull(statsInterval, "statsInterval");
        Objects.requireNonNull(bridgeStateInterval, "bridgeStateInterval");
        Objects.requireNonNull(coalesceWindow, "coalesceWindow");
        Objects.requireNonNull(startLimit, "startLimit");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        if (birthDelayMax.compareTo(birthDelayMin) < 0 || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("a maximum delay is below its minimum");
        }
        if (reconnectMin.isZero() || reconnectMin.isNegative()) {
            throw new IllegalArgumentException("reconnectMin must be positive");
        }
        if (statsInterval.isZero() || bridgeStateInterval.isZero()) {
            throw new IllegalArgumentException("periods must be positive");
        }
    }
}
