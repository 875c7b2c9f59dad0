package dev.gwellbridge.mqtt;

/** An MQTT operation failed (connection refused or lost, timeout, not authorized). */
public class MqttPortException extends Exception {

    public MqttPortException(String message, Throwable cause) {
        super(message, cause);
    }
}
