/**
 * The MQTT adapter: connection with last will and birth handling, a non-blocking publish queue,
 * subscriptions and command dispatch.
 *
 * <p>All Paho calls run on one platform thread; Paho's callback thread never blocks.
 */
package dev.gwellbridge.mqtt;
