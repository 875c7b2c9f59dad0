package dev.gwellbridge.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Random, valid messages of every GUTES type, drawn from a caller-supplied generator so that every
 * sample is reproducible. Values lean towards edges (0, all ones, 16-bit limits) now and then.
 */
final class MessageSamples {
    private static final String NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789abcdef -.";

    private final RandomGenerator r;

    MessageSamples(RandomGenerator random) {
        this.r = random;
    }

    /** One random message of a random type, with the credentials needed for CertifyReq. */
    GutesMessage any(AccessCredentials credentials) {
        return switch (r.nextInt(24)) {
            case 0 -> certifyReq(credentials);
            case 1 -> certifyResp();
            case 2 -> routingId();
            case 3 -> initInfo();
            case 4 -> deviceList();
            case 5 -> subscribeDeviceId();
            case 6 -> subscribeToken();
            case 7 -> subscribeResp();
            case 8 -> networkDetect();
            case 9 -> calling();
            case 10 -> callingAck();
            case 11 -> resResponse();
            case 12 -> resRequest();
            case 13 -> heartbeat();
            case 14 -> portStatReq();
            case 15 -> portStatResp();
            case 16 -> sessionSocket();
            case 17 -> passthroughControl();
            case 18 -> passthroughData();
            case 19 -> DetectReq2.random(r);
            case 20 -> detectResp();
            case 21 -> ListFrmRequest.random(r);
            case 22 -> DetectRequest.random(r);
            default -> subscribeToken();
        };
    }

    /** The generator, for samples built elsewhere. */
    RandomGenerator r() {
        return r;
    }

    /** A random 0xB9 message. */
    Inner inner() {
        return switch (r.nextInt(3)) {
            case 0 -> networkDetect();
            case 1 -> passthroughControl();
            default -> passthroughData();
        };
    }

    /** A random 0xCA/0xCB message. */
    PortMessage portMessage() {
        return switch (r.nextInt(3)) {
            case 0 -> portStatReq();
            case 1 -> portStatResp();
            default -> sessionSocket();
        };
    }

    AccessCredentials credentials() {
        return AccessCredentials.of(id(), bytes(64), bytes(r.nextInt(4) == 0 ? 0 : 80));
    }

    CertifyReq certifyReq(AccessCredentials c) {
        return new CertifyReq(
                c.accessId(), r.nextInt(), randomFlags(), Octets.of(bytes(32)), Octets.of(bytes(12)), r.nextLong());
    }

    CertifyResp certifyResp() {
        return new CertifyResp(route(), r.nextBoolean() ? 0x0C : 0x0D, r.nextInt(), responseFlags(), u16(), id());
    }

    RoutingId routingId() {
        long id = id();
        return new RoutingId(route(), r.nextInt(), responseFlags(), id == 0 ? 1 : id);
    }

    InitInfoMsg initInfo() {
        return new InitInfoMsg(id(), r.nextInt());
    }

    DeviceList deviceList() {
        int n = 1 + r.nextInt(r.nextInt(4) == 0 ? DeviceList.MAX_DEVICES : 3);
        List<DeviceEntry> devices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            devices.add(new DeviceEntry(id(), u16(), u16(), name(r.nextInt(DeviceEntry.NAME_LENGTH + 1))));
        }
        return new DeviceList(route(), r.nextInt(), responseFlags(), r.nextInt(), devices);
    }

    SubscribeDeviceId subscribeDeviceId() {
        return new SubscribeDeviceId(route(), r.nextInt(), id());
    }

    SubscribeToken subscribeToken() {
        int n = r.nextInt(3) == 0 ? 80 : r.nextInt(r.nextInt(8) == 0 ? 400 : 100);
        return new SubscribeToken(route(), r.nextInt(), Octets.of(bytes(n)));
    }

    SubscribeResp subscribeResp() {
        return new SubscribeResp(route(), r.nextInt(), responseFlags(), Octets.of(bytes(r.nextInt(64))));
    }

    NetworkDetect networkDetect() {
        String ip = r.nextInt(4) == 0 ? name(r.nextInt(NetworkDetect.IP_TEXT_LENGTH + 1)) : ipv4().toString();
        return new NetworkDetect(route(), r.nextInt(), randomFlags(), id(), id(), u16(), u16(), ip);
    }

    Calling calling() {
        return new Calling(
                route(), r.nextInt(), r.nextBoolean(), r.nextInt(), id(), id(), u16(), ipv4(), Octets.of(bytes(8)));
    }

    CallingAck callingAck() {
        return new CallingAck(route(), r.nextInt(), responseFlags(), new Ipv4Endpoint(ipv4(), u16()));
    }

    ResResponse resResponse() {
        int n = r.nextInt(4) == 0 ? r.nextInt(ResResponse.MAX_RELAYS + 1) : r.nextInt(4);
        List<RelayEntry> relays = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            relays.add(new RelayEntry(id(), u16(), new Ipv4Endpoint(ipv4(), u16())));
        }
        return new ResResponse(route(), r.nextInt(), responseFlags(), u16(), u16(), u16(), ipv4(), relays);
    }

    ResRequest resRequest() {
        return new ResRequest(id(), r.nextInt(), id(), id());
    }

    Heartbeat heartbeat() {
        return new Heartbeat(id(), r.nextInt());
    }

    PortStatReq portStatReq() {
        return new PortStatReq(id(), id(), r.nextInt());
    }

    PortStatResp portStatResp() {
        return new PortStatResp(id(), id(), r.nextInt());
    }

    SessionSocket sessionSocket() {
        List<Integer> ports = new ArrayList<>();
        for (int i = r.nextInt(SessionSocket.MAX_PORTS + 1); i > 0; i--) {
            ports.add(1 + r.nextInt(0xFFFF));
        }
        return new SessionSocket(id(), id(), r.nextInt(), r.nextInt(256), ports);
    }

    PassthroughControl passthroughControl() {
        return new PassthroughControl(id(), r.nextInt(), id(), id(), r.nextInt(256), r.nextInt());
    }

    PassthroughData passthroughData() {
        byte[] payload = bytes(1 + r.nextInt(r.nextInt(8) == 0 ? 1400 : 120));
        if (r.nextInt(4) != 0) {
            payload[0] = (byte) 0xC0;
        }
        return new PassthroughData(id(), r.nextInt(), id(), id(), r.nextInt(), Octets.of(payload));
    }

    DetectResp detectResp() {
        return new DetectResp(route(), r.nextInt(), responseFlags(), Octets.of(bytes(r.nextInt(64))));
    }

    ServerEntry serverEntry() {
        return new ServerEntry(ipv4(), Octets.of(bytes(16)), u16(), u16(), u16(), u16(), r.nextInt());
    }

    GutesRoute route() {
        return new GutesRoute(r.nextBoolean(), id());
    }

    /** Flags of a server-built frame: any bits, but a defined mode (0, 1 or 2). */
    int responseFlags() {
        int flags = r.nextInt(3) == 0 ? r.nextInt() : 0;
        return (flags & ~GutesFlags.MODE_MASK) | (r.nextInt(3) << 16);
    }

    int randomFlags() {
        return r.nextInt(0x7FFF) << 1;
    }

    long id() {
        return switch (r.nextInt(8)) {
            case 0 -> 0;
            case 1 -> -1;
            default -> r.nextLong();
        };
    }

    int u16() {
        return switch (r.nextInt(8)) {
            case 0 -> 0;
            case 1 -> 0xFFFF;
            default -> r.nextInt(0x10000);
        };
    }

    Ipv4 ipv4() {
        return new Ipv4(r.nextInt(8) == 0 ? 0 : r.nextInt());
    }

    String name(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(NAME_CHARS.charAt(r.nextInt(NAME_CHARS.length())));
        }
        return b.toString();
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
