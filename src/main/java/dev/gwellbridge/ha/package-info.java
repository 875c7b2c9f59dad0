/**
 * Home Assistant MQTT mapping: pure functions from camera and bridge state to publications (topic,
 * payload, retain, QoS), the topic scheme, device-based discovery and command parsing.
 *
 * <p>Invariants: no I/O, no threads, no MQTT client; every class is immutable or stateless and safe
 * to call from any thread. JSON is written by {@link dev.gwellbridge.ha.HaJson} with sorted keys,
 * so a retained payload is byte-identical whenever its content is. Entity kinds live in lookup
 * tables ({@code CameraEntities}, {@code BridgeEntities}), not in branches. Everything Home
 * Assistant keeps is keyed on the camera's MAC; published URLs never carry credentials.
 */
package dev.gwellbridge.ha;
