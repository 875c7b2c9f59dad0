package dev.gwellbridge.session;

import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.DeviceEntry;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.MtpStreamFramer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The far side of a test session: a {@link FakeServer} and a {@link FakeCamera}, routed by address,
 * plus the TCP listeners the client may dial (the server's own address; with {@link
 * FakeServer#relayOnly} the camera is attached to it, as in the recorded relay-only session).
 * Anything sent elsewhere (relays, unused camera ports) is recorded and dropped. Not thread-safe.
 */
final class FakePeers {
    static final String DEVICE_ID = "GW_GC1_AABBCCDDEEFF";
    static final String TOKEN = "10151a1f24292e33383d42474c51565b60656a6f74797e83888d92979ca1a6ab"
            + "b0b5babfc4c9ced3d8dde2e7ecf1f6fb00050a0f14191e23282d32373c41464b"
            + "ICMmKSwvMjU4Oz5BREdKTVBTVllcX2JlaGtucXR3en2Ag4aJjI+SlZibnqGkp6qtsLO2uby/wsXIy87R1Nfa3eDj5uns7/L1+Pv+AQQHCg0=";
    static final String ACCESS_ID = "10593094227361022708";

    final FakeServer server;
    final FakeCamera camera;
    final Set<Ipv4Endpoint> tcpListeners = new HashSet<>();
    private final Map<Integer, Ipv4Endpoint> tcp = new HashMap<>();
    private final Map<Integer, MtpStreamFramer> framers = new HashMap<>();
    final List<Ipv4Endpoint> unanswered = new ArrayList<>();
    /** Fixed answers of list servers: whatever arrives at the key gets the value back. */
    final Map<Ipv4Endpoint, byte[]> listServers = new HashMap<>();

    FakePeers(Ipv4Endpoint serverAddress, Ipv4Endpoint cameraAddress) {
        this.camera = new FakeCamera(cameraAddress);
        this.server = new FakeServer(
                serverAddress,
                credentials(),
                camera,
                List.of(
                        new DeviceEntry(0x000186D600139C82L, 1, 0, "GW_BE1_000000000001"),
                        new DeviceEntry(FakeCamera.TID, 1, 0, DEVICE_ID)));
        tcpListeners.add(serverAddress);
    }

    static AccessCredentials credentials() {
        try {
            return AccessCredentials.parse(ACCESS_ID, TOKEN);
        } catch (dev.gwellbridge.wire.CredentialFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    List<PeerPacket> onUdp(Ipv4Endpoint from, Ipv4Endpoint to, byte[] d, long now) {
        if (to.equals(server.address)) {
            return server.onDatagram(from, d);
        }
        if (to.equals(camera.address)) {
            return camera.onUdp(from, d, now);
        }
        if (listServers.containsKey(to)) {
            return List.of(PeerPacket.udp(to, from, listServers.get(to)));
        }
        unanswered.add(to);
        return List.of();
    }

    boolean acceptsTcp(Ipv4Endpoint to) {
        return tcpListeners.contains(to);
    }

    void tcpOpened(int id, Ipv4Endpoint to) {
        tcp.put(id, to);
        framers.put(id, new MtpStreamFramer());
        if (server.relayOnly && to.equals(server.address)) {
            camera.attachTcp(id);
        }
    }

    void tcpClosed(int id) {
        tcp.remove(id);
        framers.remove(id);
    }

    List<PeerPacket> onTcp(int id, byte[] data, long now) {
        MtpStreamFramer framer = framers.get(id);
        if (framer == null) {
            return List.of();
        }
        List<PeerPacket> out = new ArrayList<>();
        for (byte[] frame : framer.feed(data, 0, data.length)) {
            if (server.relayOnly && server.address.equals(tcp.get(id))) {
                out.addAll(camera.onTcpFrame(frame, now));
            }
        }
        return out;
    }

    List<PeerPacket> onTick(long now) {
        return camera.onTick(now);
    }

    long nextWakeup() {
        return camera.nextWakeup();
    }
}
