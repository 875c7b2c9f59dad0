package dev.gwellbridge.app;

import dev.gwellbridge.config.MqttOptions;
import dev.gwellbridge.config.MqttService;
import dev.gwellbridge.config.SupervisorResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Which MQTT broker to use, in order: an explicit {@code mqtt.host} option; the broker the Supervisor
 * offers (the Mosquitto add-on); a broker answering on localhost:1883; otherwise MQTT is off, with
 * the reason shown on the page.
 *
 * @param host empty when MQTT is off
 * @param source {@code options}, {@code supervisor}, {@code localhost} or {@code none}
 * @param reason why MQTT is off (empty when on)
 */
record BrokerChoice(String host, int port, String username, String password, String source, String reason) {

    static final int DEFAULT_PORT = 1883;

    boolean enabled() {
        return !host.isEmpty();
    }

    String broker() {
        return enabled() ? host + ":" + port : "";
    }

    @Override
    public String toString() {
        return "BrokerChoice[" + (enabled() ? broker() + " from " + source : "off: " + reason) + "]";
    }

    /**
     * Chooses a broker.
     *
     * @param supervisor the Supervisor's MQTT service, or empty outside the add-on
     * @param answers whether something accepts TCP connections at an address (probe of localhost)
     */
    static BrokerChoice choose(
            MqttOptions options,
            Optional<Supplier<SupervisorResult<MqttService>>> supervisor,
            Predicate<InetSocketAddress> answers) {
        if (!options.host().isEmpty()) {
            return new BrokerChoice(
                    options.host(), options.effectivePort(), options.username(), options.password(), "options", "");
        }
        String why = "no MQTT broker configured (mqtt.host)";
        if (supervisor.isPresent()) {
            SupervisorResult<MqttService> service = supervisor.get().get();
            if (service.value().isPresent()) {
                MqttService s = service.value().get();
                if (s.ssl()) {
                    return off("the Supervisor's MQTT broker requires TLS, which this bridge does not speak yet;"
                            + " set mqtt.host to a plain listener");
                }
                return new BrokerChoice(
                        s.host(),
                        s.port() == 0 ? DEFAULT_PORT : s.port(),
                        s.username(),
                        s.password(),
                        "supervisor",
                        "");
            }
            why = why + " and " + service.reason();
        }
        InetSocketAddress local = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), DEFAULT_PORT);
        if (answers.test(local)) {
            return new BrokerChoice("127.0.0.1", DEFAULT_PORT, "", "", "localhost", "");
        }
        return off(why + ", and nothing answers on localhost:" + DEFAULT_PORT);
    }

    static BrokerChoice off(String reason) {
        return new BrokerChoice("", 0, "", "", "none", reason);
    }

    /** A TCP connect probe with a short timeout. */
    static boolean tcpAnswers(InetSocketAddress address) {
        try (Socket s = new Socket()) {
            s.connect(address, 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
