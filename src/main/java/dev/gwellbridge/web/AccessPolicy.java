package dev.gwellbridge.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may talk to the page and how state may be changed.
 *
 * <p>With host networking the ingress port is reachable from the whole LAN, so only the
 * Supervisor's ingress proxy (and configured extras) may connect. Writes must look like the page's
 * own {@code fetch}: a JSON body from the same origin. A cross-site form cannot send {@code
 * application/json} without a CORS preflight, which is never answered, and a cross-site script
 * gives itself away by {@code Origin} or {@code Sec-Fetch-Site}.
 *
 * <p>Immutable and thread-safe. Never resolves host names: only IP literals are accepted.
 */
final class AccessPolicy {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?");

    private final Set<InetAddress> allowed;
    private final boolean allowLoopback;

    AccessPolicy(List<String> allow, boolean allowLoopback) {
        Set<InetAddress> set = new HashSet<>();
        for (String a : allow) {
            set.add(literal(a)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "web_allow: expected IP addresses like 192.168.1.20, got '" + a + "'")));
        }
        this.allowed = Set.copyOf(set);
        this.allowLoopback = allowLoopback;
    }

    /**
     * Whether a caller may use a route.
     *
     * @param remoteAddr the TCP peer's address as the server reports it (never a forwarded header)
     * @param healthz the watchdog route, which loopback may always use
     */
    boolean admits(String remoteAddr, boolean healthz) {
        Optional<InetAddress> addr = literal(remoteAddr);
        if (addr.isEmpty()) {
            return false;
        }
        InetAddress a = addr.get();
        if (allowed.contains(a)) {
            return true;
        }
        return (allowLoopback || healthz) && a.isLoopbackAddress();
    }

    /**
     * Why a state-changing request is refused, or empty when it may proceed.
     *
     * @param contentType the request's {@code Content-Type}, may be null
     * @param origin the {@code Origin} header, may be null (same-origin GETs and some clients omit it)
     * @param secFetchSite the {@code Sec-Fetch-Site} header, may be null
     * @param host the {@code Host} header, may be null
     * @param forwardedHost the {@code X-Forwarded-Host} header set by the ingress proxy, may be null
     */
    static Optional<String> refuseWrite(
            String contentType, String origin, String secFetchSite, String host, String forwardedHost) {
        if (secFetchSite != null && secFetchSite.trim().equalsIgnoreCase("cross-site")) {
            return Optional.of("cross-site requests may not change state");
        }
        if (origin != null && !sameOrigin(origin, host, forwardedHost)) {
            return Optional.of("the request's origin does not match this page");
        }
        if (!isJson(contentType)) {
            return Optional.of("state changes need a JSON body (Content-Type: application/json)");
        }
        return Optional.empty();
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json");
    }

    /** Whether {@code origin}'s host and port equal the forwarded host or the host the request was sent to. */
    static boolean sameOrigin(String origin, String host, String forwardedHost) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false; // includes the opaque "null" origin
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = scheme.equals("https") ? 443 : 80;
        String originHost = stripBrackets(uri.getHost()).toLowerCase(Locale.ROOT);
        int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
        List<String> candidates = new ArrayList<>();
        if (forwardedHost != null) {
            for (String h : forwardedHost.split(",", -1)) {
                candidates.add(h.trim());
            }
        }
        if (host != null) {
            candidates.add(host.trim());
        }
        for (String c : candidates) {
            if (c.isEmpty()) {
                continue;
            }
            HostPort hp = HostPort.parse(c, defaultPort);
            if (hp.host().equals(originHost) && hp.port() == originPort) {
                return true;
            }
        }
        return false;
    }

    /** Parses an IP literal without ever touching DNS. */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = stripBrackets(text.trim());
        if (!IPV4.matcher(t).matches() && !(t.contains(":") && IPV6.matcher(t).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String stripBrackets(String s) {
        return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
    }

    /** A {@code Host}-style value: {@code name}, {@code name:port}, {@code [v6]} or {@code [v6]:port}. */
    private record HostPort(String host, int port) {
        static HostPort parse(String value, int defaultPort) {
            String v = value.toLowerCase(Locale.ROOT);
            String hostPart = v;
            String portPart = "";
            if (v.startsWith("[")) {
                int close = v.indexOf(']');
                if (close > 0) {
                    hostPart = v.substring(1, close);
                    portPart = v.substring(close + 1).startsWith(":") ? v.substring(close + 2) : "";
                }
            } else if (v.indexOf(':') == v.lastIndexOf(':') && v.indexOf(':') >= 0) {
                hostPart = v.substring(0, v.indexOf(':'));
                portPart = v.substring(v.indexOf(':') + 1);
            }
            int port = defaultPort;
            if (!portPart.isEmpty()) {
                try {
                    port = Integer.parseInt(portPart);
                } catch (NumberFormatException e) {
                    port = -1;
                }
            }
            return new HostPort(hostPart, port);
        }
    }
}
