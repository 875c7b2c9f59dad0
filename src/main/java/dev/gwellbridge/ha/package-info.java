/**
 * Home Assistant MQTT mapping: a pure function from camera and bridge state to (topic, payload)
 * pairs, the topic scheme, and command parsing.
 *
 * <p>No I/O. JSON is written with sorted keys so retained payloads are byte-stable.
 */
package dev.gwellbridge.ha;
