package dev.gwellbridge.app;

import dev.gwellbridge.config.SupervisorResult;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The host put into published stream URLs: the {@code advertise_host} option; else the host's
 * primary address as the Supervisor reports it; else the first private IPv4 of an interface that is
 * up; else loopback (a stream URL that at least works on this machine).
 */
final class AdvertiseHost {
    private AdvertiseHost() {}

    static String choose(
            String option, Optional<Supplier<SupervisorResult<String>>> supervisor, List<InetAddress> interfaces) {
        if (!option.isBlank()) {
            return option.trim();
        }
        if (supervisor.isPresent()) {
            Optional<String> ip = supervisor.get().get().value();
            if (ip.isPresent() && !ip.get().isBlank()) {
                return ip.get();
            }
        }
        for (InetAddress a : interfaces) {
            if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
                return a.getHostAddress();
            }
        }
        return "127.0.0.1";
    }

    /** Addresses of the interfaces that are up and not loopback. */
    static List<InetAddress> localAddresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nif.isUp() && !nif.isLoopback() && !nif.isVirtual()) {
                    out.addAll(Collections.list(nif.getInetAddresses()));
                }
            }
        } catch (SocketException e) {
            // No interface list: loopback it is.
        }
        return out;
    }
}
