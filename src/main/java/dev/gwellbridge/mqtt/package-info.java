/**
 * The MQTT adapter: broker connection with last will and jittered reconnect, birth handling, a
 * non-blocking publish path, subscriptions and command dispatch ({@link
 * dev.gwellbridge.mqtt.MqttBridge}), with Paho kept behind {@link dev.gwellbridge.mqtt.MqttPort}.
 *
 * <p>Thread rules: all bridge state and every Paho call are confined to one platform thread named
 * {@code mqtt} ({@link dev.gwellbridge.mqtt.MqttScheduler}). Camera listener callbacks and Paho's
 * callback thread only parse and enqueue; neither ever waits for the broker. Commands arriving with
 * the retain flag are never obeyed, only cleared.
 */
package dev.gwellbridge.mqtt;
