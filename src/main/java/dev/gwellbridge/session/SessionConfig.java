package dev.gwellbridge.session;

import dev.gwellbridge.camera.TransportPreference;
import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.DeviceEntry;
import dev.gwellbridge.wire.Ipv4;
import dev.gwellbridge.wire.Ipv4Endpoint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one session needs to know before it starts. Immutable; build with {@link #builder}.
 *
 * @param mode a camera session or the short discovery session
 * @param credentials the parsed P2P credential
 * @param deviceId the camera's device id, matched against the names in the device list
 * @param cameraLanIp the camera's LAN address, when known (enables NetworkDetect and LAN candidates);
 *     always empty with the {@code relay} preference
 * @param viewerLanIp this host's own address towards the camera (NetworkDetect, CALLING)
 * @param localPort the session's single local UDP port (CALLING tells the camera about it)
 * @param server the P2P server to use without probing (configured or discovered), if any
 * @param knownDevices a device list learned earlier, used when the server does not send one
 * @param discovery where to look for a server when {@code server} is empty
 * @param lanFilter which addresses count as LAN
 * @param features the fork's optional behaviours
 * @param stallTimeoutMillis end a streaming session that delivered no H.264 for this long; 0 = never
 * @param transport {@code LAN}: never activate or send to relays; {@code RELAY}: never use the
 *     camera's LAN address or LAN candidates; {@code AUTO}: LAN first, relays as fallback
 */
public record SessionConfig(
        SessionMode mode,
        AccessCredentials credentials,
        String deviceId,
        Optional<Ipv4> cameraLanIp,
        Ipv4 viewerLanIp,
        int localPort,
        Optional<Ipv4Endpoint> server,
        List<DeviceEntry> knownDevices,
        DiscoveryTargets discovery,
        LanFilter lanFilter,
        ForkFeatures features,
        long stallTimeoutMillis,
        TransportPreference transport) {

    public SessionConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(cameraLanIp, "cameraLanIp");
        Objects.requireNonNull(viewerLanIp, "viewerLanIp");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(lanFilter, "lanFilter");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(transport, "transport");
        if (transport == TransportPreference.RELAY) {
            // The camera's LAN address would enable LAN candidates and tell the camera ours.
            cameraLanIp = Optional.empty();
        }
        knownDevices = List.copyOf(knownDevices);
        if (localPort < 0 || localPort > 0xFFFF) {
            throw new IllegalArgumentException("local port out of range: " + localPort);
        }
        if (stallTimeoutMillis < 0) {
            throw new IllegalArgumentException("stall timeout must not be negative");
        }
    }

    /** Whether LAN candidates and the camera's LAN address may be used. */
    public boolean lanAllowed() {
        return transport != TransportPreference.RELAY;
    }

    /** Whether relays (UDP, TCP, PASSTHROUGH) may be activated and used. */
    public boolean relaysAllowed() {
        return transport != TransportPreference.LAN;
    }

    /**
     * A camera session with the defaults: no LAN IP, discovery, default LAN ranges, fork features,
     * the {@code auto} transport.
     */
    public static Builder builder(AccessCredentials credentials, String deviceId) {
        return new Builder(credentials, deviceId);
    }

    /** Builds a {@link SessionConfig}. */
    public static final class Builder {
        private final AccessCredentials credentials;
        private final String deviceId;
        private SessionMode mode = SessionMode.CAMERA;
        private Ipv4 cameraLanIp;
        private Ipv4 viewerLanIp = Ipv4.ANY;
        private int localPort;
        private Ipv4Endpoint server;
        private List<DeviceEntry> knownDevices = List.of();
        private DiscoveryTargets discovery = DiscoveryTargets.BUILT_IN;
        private LanFilter lanFilter = LanFilter.defaults();
        private ForkFeatures features = ForkFeatures.FORK;
        private long stallTimeoutMillis;
        private TransportPreference transport = TransportPreference.AUTO;

        private Builder(AccessCredentials credentials, String deviceId) {
            this.credentials = credentials;
            this.deviceId = deviceId;
        }

        public Builder mode(SessionMode m) {
            this.mode = m;
            return this;
        }

        /** The camera's LAN address, or {@code null} when unknown. */
        public Builder cameraLanIp(Ipv4 ip) {
            this.cameraLanIp = ip;
            return this;
        }

        public Builder viewerLanIp(Ipv4 ip) {
            this.viewerLanIp = ip;
            return this;
        }

        public Builder localPort(int port) {
            this.localPort = port;
            return this;
        }

        /** The server to use without probing, or {@code null} to discover one. */
        public Builder server(Ipv4Endpoint s) {
            this.server = s;
            return this;
        }

        public Builder knownDevices(List<DeviceEntry> devices) {
            this.knownDevices = devices;
            return this;
        }

        public Builder discovery(DiscoveryTargets d) {
            this.discovery = d;
            return this;
        }

        public Builder lanFilter(LanFilter f) {
            this.lanFilter = f;
            return this;
        }

        public Builder features(ForkFeatures f) {
            this.features = f;
            return this;
        }

        public Builder stallTimeoutMillis(long ms) {
            this.stallTimeoutMillis = ms;
            return this;
        }

        public Builder transport(TransportPreference t) {
            this.transport = t;
            return this;
        }

        public SessionConfig build() {
            return new SessionConfig(
                    mode,
                    credentials,
                    deviceId,
                    Optional.ofNullable(cameraLanIp),
                    viewerLanIp,
                    localPort,
                    Optional.ofNullable(server),
                    knownDevices,
                    discovery,
                    lanFilter,
                    features,
                    stallTimeoutMillis,
                    transport);
        }
    }
}
