package dev.gwellbridge.app;

import dev.gwellbridge.camera.StreamConnector;
import dev.gwellbridge.config.Options;
import dev.gwellbridge.session.ConnectorSettings;
import dev.gwellbridge.session.LanFilter;
import dev.gwellbridge.session.SessionConnector;
import java.util.concurrent.atomic.AtomicInteger;

/** The production {@link ConnectorFactory}: GWell P2P sessions configured from the options. */
final class SessionConnectors implements ConnectorFactory {

    @Override
    public StreamConnector create(Options options, boolean allowLoopback) {
        return new SessionConnector(settings(options.p2pServer(), allowLoopback), threads());
    }

    static ConnectorSettings settings(String p2pServer, boolean allowLoopback) {
        ConnectorSettings s = ConnectorSettings.DEFAULT;
        if (!p2pServer.isBlank()) {
            s = s.withP2pServer(p2pServer);
        }
        return allowLoopback ? s.withLanFilter(LanFilter.defaults().allowingLoopback()) : s;
    }

    /** Session threads are named by the driver; daemon so a stuck session never holds the JVM open. */
    static java.util.concurrent.ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "session-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
