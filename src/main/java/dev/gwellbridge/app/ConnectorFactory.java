package dev.gwellbridge.app;

import dev.gwellbridge.camera.StreamConnector;
import dev.gwellbridge.config.Options;

/** Makes the stream connector for a run, from the options (P2P server override, LAN ranges). */
interface ConnectorFactory {

    /**
     * Makes a connector.
     *
     * @param allowLoopback accept 127.0.0.0/8 as a camera LAN address (simulator, tests)
     */
    StreamConnector create(Options options, boolean allowLoopback);
}
