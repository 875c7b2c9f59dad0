package dev.gwellbridge.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gwellbridge.crypto.Rc5x32;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * decode(encode(m)) == m for every GUTES message type, over random field values, through the
 * plaintext codec, the sealed frame and the classifier of the receiving side.
 */
class GutesRoundTripTest {

    @Property(tries = 2000)
    void everyMessageDecodesToItself(@ForAll long seed) throws FrameException {
        MessageSamples samples = new MessageSamples(new SplittableRandom(seed));
        AccessCredentials credentials = samples.credentials();
        Rc5x32 sessionKey = Rc5x32.of(samples.bytes(32));
        GutesMessage m = samples.any(credentials);
        CertifyReqCodec certify = CertifyReqCodec.forCredentials(credentials);

        byte[] plain = m instanceof CertifyReq c ? certify.encodePlain(c) : GutesCodecs.encodePlain(m);
        assertThat(plain[1] & 0xFF).isEqualTo(m.subtype());
        assertThat(GutesChecksum.verifies(plain)).isTrue();
        assertThat(decodePlain(m, plain, certify)).isEqualTo(m);

        byte[] wire = m instanceof CertifyReq c ? certify.encode(c, null) : GutesCodecs.encode(m, sessionKey);
        assertThat(wire).hasSize(plain.length);
        if (expectedAtClient(m)) {
            assertThat(GutesClassifier.atClient(wire, sessionKey)).isEqualTo(m);
        }
        if (expectedAtPeer(m)) {
            assertThat(GutesClassifier.atPeer(wire, sessionKey, certify)).isEqualTo(m);
        }
    }

    @Property(tries = 100)
    void certifyRequestsVerifyUnderTheirCredentialsOnly(@ForAll long seed) throws FrameException {
        MessageSamples samples = new MessageSamples(new SplittableRandom(seed));
        AccessCredentials credentials = samples.credentials();
        CertifyReq m = samples.certifyReq(credentials);
        CertifyReqCodec codec = CertifyReqCodec.forCredentials(credentials);
        for (byte[] wire : new byte[][] {codec.encode(m, null), codec.encodeFallback(m)}) {
            assertThat(CertifyReqCodec.peekAccessId(wire)).isEqualTo(credentials.accessId());
            CertifyCheck check = codec.verify(wire);
            assertThat(check.allOk()).isTrue();
            assertThat(check.request()).isEqualTo(m);
        }
        byte[] token = credentials.tokenBytes();
        int flipped = samples.bytes(1)[0] & 63;
        token[flipped] ^= 1;
        AccessCredentials other = AccessCredentials.of(credentials.accessId(), token, new byte[0]);
        CertifyCheck wrong = CertifyReqCodec.forCredentials(other).verify(codec.encode(m, null));
        assertThat(wrong.allOk()).isFalse();
        if (flipped < AccessCredentials.TOKEN_KEY_OFFSET) {
            assertThat(wrong.tokenHeadOk()).isFalse();
        } else {
            assertThat(wrong.hashOk()).isFalse();
            assertThat(wrong.hmacOk()).isFalse();
        }
    }

    @Property(tries = 100)
    void onlyCertifyRequestsYieldAnAccessIdBeforeDecryption(@ForAll long seed) {
        MessageSamples samples = new MessageSamples(new SplittableRandom(seed));
        AccessCredentials credentials = samples.credentials();
        byte[] wire = CertifyReqCodec.forCredentials(credentials).encode(samples.certifyReq(credentials), null);
        byte[] otherSubtype = wire.clone();
        otherSubtype[1] = (byte) GutesMessage.SUB_HEARTBEAT;
        byte[] shorter = Arrays.copyOf(wire, wire.length - 1);
        for (byte[] bad : new byte[][] {otherSubtype, shorter}) {
            assertThatThrownBy(() -> CertifyReqCodec.peekAccessId(bad)).isInstanceOf(FrameException.class);
        }
    }

    private static GutesMessage decodePlain(GutesMessage m, byte[] plain, CertifyReqCodec certify)
            throws FrameException {
        if (m instanceof CertifyReq) {
            return certify.decode(plain);
        } else if (m instanceof CertifyResp) {
            return CertifyRespCodec.INSTANCE.decode(plain);
        } else if (m instanceof RoutingId) {
            return RoutingIdCodec.INSTANCE.decode(plain);
        } else if (m instanceof InitInfoMsg) {
            return InitInfoMsgCodec.INSTANCE.decode(plain);
        } else if (m instanceof DeviceList) {
            return DeviceListCodec.INSTANCE.decode(plain);
        } else if (m instanceof Subscribe) {
            return SubscribeCodec.INSTANCE.decode(plain);
        } else if (m instanceof SubscribeResp) {
            return SubscribeRespCodec.INSTANCE.decode(plain);
        } else if (m instanceof Inner) {
            return InnerCodec.INSTANCE.decode(plain);
        } else if (m instanceof Calling) {
            return CallingCodec.INSTANCE.decode(plain);
        } else if (m instanceof CallingAck) {
            return CallingAckCodec.INSTANCE.decode(plain);
        } else if (m instanceof ResResponse) {
            return ResResponseCodec.INSTANCE.decode(plain);
        } else if (m instanceof ResRequest) {
            return ResRequestCodec.INSTANCE.decode(plain);
        } else if (m instanceof Heartbeat) {
            return HeartbeatCodec.INSTANCE.decode(plain);
        } else if (m instanceof PortMessage) {
            return PortStatCodec.INSTANCE.decode(plain);
        } else if (m instanceof DetectReq2) {
            return DetectReq2Codec.INSTANCE.decode(plain);
        } else if (m instanceof DetectResp) {
            return DetectRespCodec.INSTANCE.decode(plain);
        } else if (m instanceof ListFrmRequest) {
            return ListFrmRequestCodec.INSTANCE.decode(plain);
        }
        return DetectRequestCodec.INSTANCE.decode(plain);
    }

    /** Types the client accepts; a 0x0D CertifyResp reads as a routing-id frame there. */
    private static boolean expectedAtClient(GutesMessage m) {
        return (m instanceof CertifyResp c && c.subtype() == GutesMessage.SUB_CERTIFY_REQ)
                || m instanceof RoutingId
                || m instanceof DeviceList
                || m instanceof SubscribeResp
                || m instanceof CallingAck
                || m instanceof ResResponse
                || m instanceof PortMessage
                || m instanceof DetectResp
                || m instanceof DetectReq2
                || (m instanceof PassthroughData d && d.payload().at(0) == 0xC0);
    }

    private static boolean expectedAtPeer(GutesMessage m) {
        return m instanceof CertifyReq
                || m instanceof InitInfoMsg
                || m instanceof Subscribe
                || m instanceof NetworkDetect
                || m instanceof PassthroughControl
                || (m instanceof PassthroughData d && d.payload().at(0) == 0xC0)
                || m instanceof Calling
                || m instanceof ResRequest
                || m instanceof Heartbeat
                || m instanceof PortMessage
                || m instanceof DetectReq2
                || m instanceof DetectResp
                || m instanceof ListFrmRequest
                || m instanceof DetectRequest;
    }
}
