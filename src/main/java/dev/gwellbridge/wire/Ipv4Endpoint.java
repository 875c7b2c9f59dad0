package dev.gwellbridge.wire;

import java.net.InetSocketAddress;

/**
 * An IPv4 address and a UDP/TCP port.
 *
 * @param ip the address
 * @param port 0..65535
 */
public record Ipv4Endpoint(Ipv4 ip, int port) {
    public Ipv4Endpoint {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code a.b.c.d:port}. */
    public static Ipv4Endpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not ip:port: " + text);
        }
        String port = text.substring(colon + 1);
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalArgumentException("not ip:port: " + text);
        }
        return new Ipv4Endpoint(Ipv4.parse(text.substring(0, colon)), Integer.parseInt(port));
    }

    /** The JDK socket address (no name lookup takes place). */
    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(ip.toInetAddress(), port);
    }

    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
