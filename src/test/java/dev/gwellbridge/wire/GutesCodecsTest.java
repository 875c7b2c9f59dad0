package dev.gwellbridge.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand-built messages checked field by field at their offsets, and decoded back. */
class GutesCodecsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Rc5x32 KEY = Rc5x32.of(new byte[32]);

    @Test
    void callingAckCarriesTheIpInNetworkOrderAndThePortLittleEndian() throws FrameException {
        CallingAck ack = CallingAck.of(0x1020304050607080L, 9, Ipv4Endpoint.parse("10.1.2.3:40001"));
        byte[] f = CallingAckCodec.INSTANCE.encodePlain(ack);
        assertThat(HEX.formatHex(f, 0, 4)).isEqualTo("7ea43000"); // proto 7E, sub A4, length 48
        assertThat(Le.int64(f, 4)).isEqualTo(0x1020304050607080L); // routing id
        assertThat(HEX.formatHex(f, 32, 38)).isEqualTo("0a010203" + "419c"); // 10.1.2.3, port 0x9C41
        assertThat(Le.int32(f, 20)).isEqualTo(0x00020000); // mode 2
        assertThat(CallingAckCodec.INSTANCE.decode(f)).isEqualTo(ack);
        assertThat(CallingAckCodec.INSTANCE.decode(Arrays.copyOf(f, 38))).isEqualTo(ack);
        assertThatThrownBy(() -> CallingAckCodec.INSTANCE.decode(Arrays.copyOf(f, 37)))
                .isInstanceOf(FrameException.class);
    }

    @Test
    void callingPutsEveryFieldAtItsOffset() throws FrameException {
        Calling c = new Calling(
                GutesRoute.routing(5),
                6,
                true,
                0x0A0B0C0D,
                0x2827262524232221L,
                0x3837363534333231L,
                1234,
                Ipv4.parse("192.168.7.9"),
                Octets.of(new byte[] {8, 7, 6, 5, 4, 3, 2, 1}));
        byte[] f = CallingCodec.INSTANCE.encodePlain(c);
        assertThat(f).hasSize(128);
        assertThat(Le.uint16(f, 24)).isEqualTo(0x0003); // call + LAN call
        assertThat(Le.int32(f, 28)).isEqualTo(0x0A0B0C0D); // linkId
        assertThat(Le.int64(f, 32)).isEqualTo(0x2827262524232221L); // caller
        assertThat(Le.int64(f, 40)).isEqualTo(0x3837363534333231L); // callee
        assertThat(f[50]).isEqualTo((byte) 1);
        assertThat(Le.uint16(f, 54)).isEqualTo(1234);
        assertThat(HEX.formatHex(f, 64, 68)).isEqualTo("c0a80709");
        assertThat(HEX.formatHex(f, 120, 128)).isEqualTo("0807060504030201");
        assertThat(Le.int32(f, 20)).isEqualTo(0x00060000);
        assertThat(CallingCodec.INSTANCE.decode(f)).isEqualTo(c);
    }

    @Test
    void resResponseCapsTheRelayCountAndIgnoresEntriesPastTheEnd() throws FrameException {
        RelayEntry relay = new RelayEntry(7, RelayEntry.FLAG_TCP, Ipv4Endpoint.parse("3.4.5.6:443"));
        ResResponse res = new ResResponse(
                GutesRoute.routing(1), 0, 0x00020000, 100, 200, 300, Ipv4.parse("8.8.4.4"), List.of(relay, relay));
        byte[] f = ResResponseCodec.INSTANCE.encodePlain(res);
        assertThat(f).hasSize(122 + 32);
        assertThat(Le.uint16(f, 0x58)).isEqualTo(100);
        assertThat(Le.uint16(f, 0x5A)).isEqualTo(200);
        assertThat(Le.uint16(f, 0x5E)).isEqualTo(300);
        assertThat(HEX.formatHex(f, 0x60, 0x64)).isEqualTo("08080404");
        assertThat(f[0x78]).isEqualTo((byte) 2);
        assertThat(Le.int64(f, 0x7A)).isEqualTo(7);
        assertThat(Le.uint16(f, 0x7A + 8)).isEqualTo(4); // flags: TCP
        assertThat(Le.uint16(f, 0x7A + 10)).isEqualTo(443);
        assertThat(HEX.formatHex(f, 0x7A + 12, 0x7A + 16)).isEqualTo("03040506");

        f[0x78] = (byte) 200; // more than 32 and more than present
        ResResponse read = ResResponseCodec.INSTANCE.decode(f);
        assertThat(read.relays()).containsExactly(relay, relay);
        assertThat(ResResponseCodec.INSTANCE.decode(Arrays.copyOf(f, 104)).relays())
                .isEmpty();
        assertThat(ResResponseCodec.INSTANCE.decode(Arrays.copyOf(f, 140)).relays())
                .containsExactly(relay);
        assertThatThrownBy(() -> ResResponseCodec.INSTANCE.decode(Arrays.copyOf(f, 103)))
                .isInstanceOf(FrameException.class);
    }

    @Test
    void deviceListNamesArePaddedAndThirtyTwoCharacterNamesHaveNoTerminator() throws FrameException {
        String full = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
        DeviceList list =
                DeviceList.of(3, 4, List.of(new DeviceEntry(10, 1, 2, "GW_WC_0011"), new DeviceEntry(11, 0, 0, full)));
        byte[] f = DeviceListCodec.INSTANCE.encodePlain(list);
        assertThat(f).hasSize(24 + 8 + 2 * 44);
        assertThat(Le.int32(f, 28)).isEqualTo(2); // count
        assertThat(Le.int64(f, 32)).isEqualTo(10); // TID of device 0
        assertThat(Le.uint16(f, 40)).isEqualTo(1);
        assertThat(Le.uint16(f, 42)).isEqualTo(2);
        assertThat(new String(f, 44, 10, StandardCharsets.US_ASCII)).isEqualTo("GW_WC_0011");
        assertThat(f[54]).isZero();
        assertThat(new String(f, 32 + 44 + 12, 32, StandardCharsets.US_ASCII)).isEqualTo(full);
        assertThat(DeviceListCodec.INSTANCE.decode(f)).isEqualTo(list);
        assertThat(list.select(full).orElseThrow().tid()).isEqualTo(11);
        assertThat(list.select("GW_OTHER").orElseThrow().tid()).isEqualTo(10);
    }

    @Test
    void deviceListDecodeRejectsWhatOnlyGarbageLooksLike() {
        DeviceList list = DeviceList.of(3, 4, List.of(new DeviceEntry(10, 1, 2, "GW_GC1_X")));
        byte[] f = DeviceListCodec.INSTANCE.encodePlain(list);
        byte[] zero = f.clone();
        Le.putInt32(zero, 28, 0);
        byte[] many = f.clone();
        Le.putInt32(many, 28, 33);
        byte[] binary = f.clone();
        binary[45] = 0x07;
        byte[] cut = Arrays.copyOf(f, f.length - 1);
        for (byte[] bad : new byte[][] {zero, many, binary, cut}) {
            assertThatThrownBy(() -> DeviceListCodec.INSTANCE.decode(bad)).isInstanceOf(FrameException.class);
        }
        assertThat(DeviceListCodec.parsePayload(Arrays.copyOfRange(many, 24, many.length)))
                .isEmpty();
        assertThat(DeviceListCodec.parsePayload(Arrays.copyOfRange(cut, 24, cut.length)))
                .isEmpty();
    }

    @Test
    void sessionSocketWritesAtMostFourPorts() throws FrameException {
        SessionSocket s = SessionSocket.of(1, 2, 3, SessionSocket.SUB_ACTIVATE, List.of(10, 20, 30, 40, 50));
        assertThat(s.relayPorts()).containsExactly(10, 20, 30, 40);
        byte[] f = PortStatCodec.INSTANCE.encodePlain(s);
        assertThat(HEX.formatHex(f, 40, 52)).isEqualTo("0101" + "0000" + "0a00140" + "01e002800");
        assertThat(PortStatCodec.INSTANCE.decode(f)).isEqualTo(s);
        SessionSocket online = SessionSocket.of(1, 2, 3, SessionSocket.SUB_ONLINE, List.of());
        assertThat(PortStatCodec.INSTANCE.decode(PortStatCodec.INSTANCE.encodePlain(online)))
                .isEqualTo(online);
    }

    @Test
    void portStatResponseNeedsThePortStatKind() throws FrameException {
        byte[] f = PortStatCodec.INSTANCE.encodePlain(new PortStatResp(1, 2, 3));
        assertThat(f[1]).isEqualTo((byte) 0xCB);
        assertThat(HEX.formatHex(f, 40, 42)).isEqualTo("0001");
        assertThat(PortStatCodec.INSTANCE.decode(f)).isEqualTo(new PortStatResp(1, 2, 3));
        f[40] = 1;
        assertThatThrownBy(() -> PortStatCodec.INSTANCE.decode(f)).isInstanceOf(FrameException.class);
        byte[] req = PortStatCodec.INSTANCE.encodePlain(new PortStatReq(1, 2, 3));
        req[40] = 2;
        assertThatThrownBy(() -> PortStatCodec.INSTANCE.decode(req)).isInstanceOf(FrameException.class);
    }

    @Test
    void passthroughDataNeedsAnInnerLengthThatFits() throws FrameException {
        PassthroughData d = new PassthroughData(1, 2, 3, 4, 5, Octets.of(new byte[] {(byte) 0xC0, 1, 2}));
        byte[] f = PassthroughCodec.INSTANCE.encodePlain(d);
        assertThat(f).hasSize(55);
        assertThat(Le.int32(f, 24)).isZero(); // data
        assertThat(Le.int32(f, 44)).isEqualTo(5); // message id
        assertThat(Le.uint16(f, 48)).isEqualTo(3); // n
        assertThat(PassthroughCodec.INSTANCE.decode(f)).isEqualTo(d);
        Le.putInt16(f, 48, 4);
        assertThatThrownBy(() -> PassthroughCodec.INSTANCE.decode(f)).isInstanceOf(FrameException.class);
        Le.putInt16(f, 48, 0);
        assertThatThrownBy(() -> PassthroughCodec.INSTANCE.decode(f)).isInstanceOf(FrameException.class);
    }

    @Test
    void innerCodecTellsNetworkDetectFromPassthrough() throws FrameException {
        NetworkDetect nd = NetworkDetect.of(GutesRoute.routing(9), 1, 0x1234 << 1, 2, 3, Ipv4.parse("10.0.0.2"));
        byte[] f = InnerCodec.INSTANCE.encodePlain(nd);
        assertThat(f).hasSize(208);
        assertThat(Le.int32(f, 20)).isEqualTo(0x02050000 | 0x1234 << 1);
        assertThat(f[52]).isEqualTo((byte) 5);
        assertThat(Le.uint16(f, 76)).isEqualTo(3000);
        assertThat(Le.uint16(f, 78)).isEqualTo(5);
        assertThat(new String(f, 80, 8, StandardCharsets.US_ASCII)).isEqualTo("10.0.0.2");
        assertThat(f[88]).isZero();
        assertThat(InnerCodec.INSTANCE.decode(f)).isEqualTo(nd);
        PassthroughControl pc = new PassthroughControl(9, 2, 3, 4, PassthroughControl.COMMAND_OPEN, 77);
        assertThat(InnerCodec.INSTANCE.decode(InnerCodec.INSTANCE.encodePlain(pc)))
                .isEqualTo(pc);
    }

    @Test
    void subscribeModesAreToldApartByByte25() throws FrameException {
        SubscribeDeviceId dev = new SubscribeDeviceId(GutesRoute.access(1), 2, 3);
        SubscribeToken tok = new SubscribeToken(GutesRoute.access(1), 2, Octets.of(new byte[8]));
        byte[] d = SubscribeCodec.INSTANCE.encodePlain(dev);
        byte[] t = SubscribeCodec.INSTANCE.encodePlain(tok);
        assertThat(d).hasSameSizeAs(t).hasSize(36);
        assertThat(d[25]).isEqualTo((byte) 1);
        assertThat(t[25]).isZero();
        assertThat(SubscribeCodec.INSTANCE.decode(d)).isEqualTo(dev);
        assertThat(SubscribeCodec.INSTANCE.decode(t)).isEqualTo(tok);
        SubscribeToken two = new SubscribeToken(GutesRoute.routing(1), 2, Octets.of(new byte[160]));
        assertThat(SubscribeCodec.INSTANCE.encodePlain(two)[24]).isEqualTo((byte) 2);
    }

    @Test
    void certifyResponseWithABadChecksumIsAcceptedOnlyAsASuccessWithASessionId() throws FrameException {
        CertifyResp ok = CertifyResp.of(1, 1, 0, 0x55);
        byte[] wire = CertifyRespCodec.INSTANCE.encode(ok, null);
        assertThat(CertifyRespCodec.INSTANCE.acceptWire(wire)).isEqualTo(ok);
        byte[] tampered = wire.clone();
        tampered[47] ^= 1; // outside the fields read, inside the checksum
        assertThat(CertifyRespCodec.INSTANCE.acceptWire(tampered)).isEqualTo(ok);

        byte[] kicked = CertifyRespCodec.INSTANCE.encode(CertifyResp.of(1, 1, CertifyResp.ERROR_KICKED, 0x55), null);
        assertThat(CertifyRespCodec.INSTANCE.acceptWire(kicked).success()).isFalse();
        kicked[47] ^= 1;
        assertThatThrownBy(() -> CertifyRespCodec.INSTANCE.acceptWire(kicked)).isInstanceOf(FrameException.class);

        byte[] noSession = CertifyRespCodec.INSTANCE.encode(CertifyResp.of(1, 1, 0, 0), null);
        noSession[47] ^= 1;
        assertThatThrownBy(() -> CertifyRespCodec.INSTANCE.acceptWire(noSession))
                .isInstanceOf(FrameException.class);
    }

    @Test
    void classifierChecksTheShapeBeforeDecrypting() {
        byte[] heartbeat = GutesCodecs.encode(new Heartbeat(1, 2), KEY);
        byte[] longer = Arrays.copyOf(heartbeat, heartbeat.length + 1);
        byte[] badProto = heartbeat.clone();
        badProto[0] = (byte) 0xC0;
        assertThatThrownBy(() -> GutesClassifier.atPeer(longer, KEY, null))
                .isInstanceOf(FrameException.class)
                .hasMessageContaining("length field");
        assertThatThrownBy(() -> GutesClassifier.atPeer(badProto, KEY, null))
                .isInstanceOf(FrameException.class)
                .hasMessageContaining("proto");
        assertThatThrownBy(() -> GutesClassifier.atClient(heartbeat, KEY))
                .isInstanceOf(FrameException.class)
                .hasMessageContaining("not expected");
        assertThatThrownBy(() -> GutesClassifier.atPeer(heartbeat, null, null))
                .isInstanceOf(FrameException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void classifierDropsFramesThatDecryptOnlyBecauseOfBit21() {
        // A device list of another session: bit 21 set, so it "decrypts" under our key into garbage.
        DeviceList foreign = new DeviceList(
                GutesRoute.routing(1), 1, 0x00220000, 0, List.of(new DeviceEntry(1, 0, 0, "GW_GC2_D03F27000001")));
        byte[] wire = GutesCodecs.encode(foreign, Rc5x32.of(new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> GutesClassifier.atClient(wire, KEY)).isInstanceOf(FrameException.class);
    }

    @Test
    void classifierRejectsZeroRoutingIdsAndPassthroughWithoutAnMtpFrame() {
        byte[] zero = GutesCodecs.encode(new RoutingId(GutesRoute.routing(1), 1, 0x00020000, 0), KEY);
        assertThatThrownBy(() -> GutesClassifier.atClient(zero, KEY)).hasMessageContaining("zero");
        byte[] notMtp = GutesCodecs.encode(new PassthroughData(1, 1, 1, 1, 1, Octets.of(new byte[] {0x7F})), KEY);
        assertThatThrownBy(() -> GutesClassifier.atClient(notMtp, KEY)).hasMessageContaining("0xC0");
        byte[] control = GutesCodecs.encode(new PassthroughControl(1, 1, 1, 1, 1, 1), KEY);
        assertThatThrownBy(() -> GutesClassifier.atClient(control, KEY)).isInstanceOf(FrameException.class);
        byte[] push = GutesCodecs.encode(new SubscribeResp(GutesRoute.routing(1), 1, 0x00020000, Octets.empty()), KEY);
        push[1] = (byte) 0xAA;
        assertThatThrownBy(() -> GutesClassifier.atClient(push, KEY)).hasMessageContaining("push");
    }

    @Test
    void unencryptedProbesAreCheckedByTheirChecksum() throws FrameException {
        ListFrmRequest l = new ListFrmRequest(1, 2, Octets.zeros(16));
        byte[] wire = ListFrmRequestCodec.INSTANCE.encode(l, KEY);
        assertThat(wire).isEqualTo(ListFrmRequestCodec.INSTANCE.encodePlain(l));
        assertThat(GutesClassifier.atPeer(wire, null, null)).isEqualTo(l);
        wire[30] ^= 1;
        assertThatThrownBy(() -> GutesClassifier.atPeer(wire, null, null)).hasMessageContaining("checksum");
    }

    @Test
    void certifyRequestIsRejectedAtAPeerWithoutCredentials() {
        AccessCredentials c = AccessCredentials.of(5, new byte[64], new byte[0]);
        CertifyReq m = new CertifyReq(5, 1, 0, Octets.zeros(32), Octets.zeros(12), 0);
        byte[] wire = CertifyReqCodec.forCredentials(c).encode(m, null);
        assertThatThrownBy(() -> GutesClassifier.atPeer(wire, null, null)).hasMessageContaining("credentials");
    }

    @Test
    void serverEntryPortsAreBigEndian() throws FrameException {
        ServerEntry e = ServerEntry.ipv4(new ServerAddress(Ipv4Endpoint.parse("1.2.3.4:28800"), 49));
        byte[] b = ServerEntryCodec.encode(e);
        assertThat(HEX.formatHex(b, 0, 4)).isEqualTo("01020304");
        assertThat(HEX.formatHex(b, 20, 28)).isEqualTo("0100" + "3100" + "7080" + "7080");
        assertThat(ServerEntryCodec.decode(b, 0)).isEqualTo(e);
        assertThat(e.address()).hasToString("1.2.3.4:28800#49");
    }

    @Test
    void serverListsSkipZeroAddressesAndRejectMissingEntries() throws FrameException {
        ServerEntry a = ServerEntry.ipv4(new ServerAddress(Ipv4Endpoint.parse("1.2.3.4:1"), 1));
        ServerEntry zero = ServerEntry.ipv4(new ServerAddress(Ipv4Endpoint.parse("0.0.0.0:2"), 2));
        byte[] list = ServerListCodec.encode(List.of(a, zero, a));
        assertThat(ServerListCodec.decode(list)).containsExactly(a, a);
        assertThatThrownBy(() -> ServerListCodec.decode(Arrays.copyOf(list, list.length - 1)))
                .isInstanceOf(FrameException.class);
    }

    @Test
    void listScanNeedsAPublicAddress() {
        ServerEntry lan = ServerEntry.ipv4(new ServerAddress(Ipv4Endpoint.parse("10.0.0.1:1"), 1));
        ServerEntry loop = ServerEntry.ipv4(new ServerAddress(Ipv4Endpoint.parse("127.0.0.1:1"), 1));
        ServerEntry pub = ServerEntry.ipv4(new ServerAddress(Ipv4Endpoint.parse("52.1.1.1:1"), 1));
        byte[] privateOnly = prefixed(ServerListCodec.encode(List.of(lan, loop)));
        assertThat(ServerListCodec.scan(privateOnly)).isEmpty();
        byte[] mixed = prefixed(ServerListCodec.encode(List.of(lan, pub)));
        assertThat(ServerListCodec.scan(mixed)).containsExactly(lan, pub);
        assertThat(ServerListCodec.scan(new byte[3])).isEmpty();
    }

    @Test
    void randomInputsComeFromTheGivenGeneratorOnly() {
        CertifyReq a = CertifyReq.random(7, 1, new SplittableRandom(5), 1000);
        assertThat(CertifyReq.random(7, 1, new SplittableRandom(5), 1000)).isEqualTo(a);
        assertThat(CertifyReq.random(7, 1, new SplittableRandom(6), 1000).sessionKey())
                .isNotEqualTo(a.sessionKey());
        assertThat(a.flags() & ~GutesFlags.RANDOM_MASK).isEqualTo(CertifyReq.BASE_FLAGS);
        assertThat(a.timeMillis()).isEqualTo(1000);
        SplittableRandom r = new SplittableRandom(9);
        int max = 0;
        for (int i = 0; i < 100_000; i++) {
            int bits = GutesFlags.randomBits(r);
            assertThat(bits & ~GutesFlags.RANDOM_MASK).isZero();
            max = Math.max(max, bits);
        }
        assertThat(max).isEqualTo(0xFFFC);
    }

    private static byte[] prefixed(byte[] list) {
        byte[] b = new byte[8 + list.length];
        Arrays.fill(b, 0, 8, (byte) 0x55);
        System.arraycopy(list, 0, b, 8, list.length);
        return b;
    }
}
