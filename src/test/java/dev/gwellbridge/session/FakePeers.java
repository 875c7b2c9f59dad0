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
    static final String DEVICE_ID = "GW_GC1_0A1B2C3D4E5F";
    /** Invented: 64 token bytes as hex, then 80 bytes of extra token data as base64. */
    static final String TOKEN = "0b2845627f9cb9d6f3102d4a6784a1bedbf815324f6c89a6c3e0fd1a3754718e"
            + "abc8e5021f3c597693b0cdea0724415e7b98b5d2ef0c294663809dbad7f4112e"
            + "BzxxptsQRXqv5BlOg7jtIleMwfYrYJXK/zRpntMIPXKn3BFGe7DlGk+Eue4jWI3C9yxhlssANWqf1Ak+c6jdEkd8seYbUIW67yRZjsP4LWI=";

    static final String ACCESS_ID = "12345678901234567890";

    final FakeServer server;
    final FakeCamera camera;
    final Set<Ipv4Endpoint> tcpListeners = new HashSet<>();
    private final Map<Integer, Ipv4Endpoint> tcp = new HashMap<>();
    private final Map<Integer, MtpStreamFramer> framers = new HashMap<>();
    final List<Ipv4Endpoint> unanswered = new ArrayList<>();
    /** Fixed answers of list servers: whatever arrives at the key gets the value back. */
    final Map<Ipv4Endpoint, byte[]> listServers = new HashMap<>();
    /** Whether a TCP relay to the server reaches the camera even when it is not relay-only. */
    boolean relayReachesCamera;

    FakePeers(Ipv4Endpoint serverAddress, Ipv4Endpoint cameraAddress) {
        this.camera = new FakeCamera(cameraAddress);
        this.server = new FakeServer(
                serverAddress,
                credentials(),
                camera,
                List.of(
                        new DeviceEntry(0x0002A1B2C3D4E5F7L, 1, 0, "GW_BE1_0A1B2C3D4E60"),
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
        if ((server.relayOnly || relayReachesCamera) && to.equals(server.address)) {
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
            if ((server.relayOnly || relayReachesCamera) && server.address.equals(tcp.get(id))) {
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
