package dev.gwellbridge.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.crypto.Rc5x32;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** decode(encode(m)) == m for every wire message type, over random field values. */
class WireRoundTripPropertiesTest {

    @Property
    void mtpFrames(
            @ForAll @IntRange(min = 0, max = 255) int flags,
            @ForAll long destId,
            @ForAll @Size(max = 2033) byte[] payload)
            throws FrameException {
        MtpFrame frame = new MtpFrame(flags, MtpFrame.isExtended(flags) ? destId : 0, payload);
        byte[] wire = MtpFrameCodec.encode(frame);
        assertThat(MtpFrameCodec.decode(wire, 0, wire.length)).isEqualTo(frame);
        assertThat(MtpFrameCodec.checksumMatches(wire, 0, wire.length)).isTrue();
    }

    @Property
    void meterMessages(
            @ForAll boolean ack,
            @ForAll int linkId,
            @ForAll long src,
            @ForAll long dst,
            @ForAll int round,
            @ForAll long time)
            throws FrameException {
        MeterMessage m = new MeterMessage(ack, linkId, src, dst, round, time);
        byte[] wire = SessionControlCodec.encode(m);
        assertThat(wire).hasSize(MeterCodec.LENGTH);
        assertThat(SessionControlCodec.decode(wire, 0, wire.length)).isEqualTo(m);
        if (!ack) {
            byte[] reply = MeterCodec.ackFor(wire, 0, wire.length);
            assertThat(MeterCodec.decode(reply, 0, reply.length))
                    .isEqualTo(new MeterMessage(true, linkId, dst, src, round, time));
        }
    }

    @Property
    void createKcpMessages(@ForAll int linkId, @ForAll long caller, @ForAll long callee) throws FrameException {
        CreateKcpMessage m = new CreateKcpMessage(linkId, caller, callee);
        byte[] wire = SessionControlCodec.encode(m);
        assertThat(SessionControlCodec.decode(wire, 0, wire.length)).isEqualTo(m);
    }

    @Property
    void unknownControlMessages(
            @ForAll("unknownCommands") int command, @ForAll @IntRange(min = 4, max = 3000) int length)
            throws FrameException {
        UnknownControlMessage m = new UnknownControlMessage(command, length);
        byte[] wire = SessionControlCodec.encode(m);
        assertThat(wire).hasSize(length);
        assertThat(SessionControlCodec.decode(wire, 0, wire.length)).isEqualTo(m);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> unknownCommands() {
        return net.jqwik.api.Arbitraries.of(0x04, 0x06, 0x21, 0x24);
    }

    @Property
    void relayRegistrations(@ForAll int linkId, @ForAll long accessId, @ForAll long tid, @ForAll long time)
            throws FrameException {
        RelayRegistration r = new RelayRegistration(linkId, accessId, tid, time);
        byte[] wire = RelayRegistrationCodec.encode(r);
        assertThat(wire).hasSize(RelayRegistrationCodec.LENGTH);
        assertThat(RelayRegistrationCodec.decode(wire, 0, wire.length)).isEqualTo(r);
    }

    @Property
    void avStreamCtlMessages(
            @ForAll @IntRange(min = 0, max = 255) int sub,
            @ForAll int streamId,
            @ForAll int command,
            @ForAll int reason,
            @ForAll int connType,
            @ForAll int callAction,
            @ForAll @Size(value = 32) byte[] avKey,
            @ForAll @IntRange(min = 0, max = 0xFFFF) int channel)
            throws FrameException {
        AvStreamCtl m = new AvStreamCtl(sub, streamId, command, reason, connType, callAction, avKey, channel);
        byte[] wire = AvStreamCtlCodec.encode(m);
        assertThat(wire).hasSize(AvStreamCtlCodec.LENGTH);
        assertThat(AvStreamCtlCodec.decode(wire, 0, wire.length)).isEqualTo(m);
        AvMessage generic = AvMessageCodec.decode(wire, 0, wire.length, Rc5x32.of(new byte[8]));
        assertThat(generic.type()).isEqualTo(AvMessage.TYPE_AVSTREAMCTL);
    }

    @Property
    void avMessages(
            @ForAll @IntRange(min = 0, max = 255) int type,
            @ForAll @IntRange(min = 0, max = 255) int sub,
            @ForAll @Size(max = 3000) byte[] body,
            @ForAll @Size(min = 1, max = 32) byte[] key)
            throws FrameException {
        Rc5x32 rc5 = Rc5x32.of(key);
        AvMessage m = new AvMessage(type, sub, body);
        byte[] wire = AvMessageCodec.encode(m, rc5);
        assertThat(AvMessageCodec.decode(wire, 0, wire.length, rc5)).isEqualTo(m);
        if (AvMessage.isEncrypted(type) && body.length >= 8) {
            assertThat(java.util.Arrays.equals(wire, 4, 12, body, 0, 8)).isFalse();
        }
    }

    @Property
    void h264PassesThroughAvDataMessages(
            @ForAll @Size(min = 1, max = 1500) byte[] chunk, @ForAll @Size(value = 8) byte[] key)
            throws FrameException {
        Rc5x32 rc5 = Rc5x32.of(key);
        byte[] wire = AvMessageCodec.encode(new AvMessage(AvMessage.TYPE_AV_DATA, 0, chunk), rc5);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        H264Extractor.extract(AvChannel.DATA, wire, 0, wire.length, rc5, out::write);
        boolean headInfo = HeadInfoCodec.startsWithHeadInfo(chunk, 0, chunk.length);
        byte[] expected = headInfo ? java.util.Arrays.copyOfRange(chunk, HeadInfoCodec.LENGTH, chunk.length) : chunk;
        assertThat(out.toByteArray()).isEqualTo(expected);
    }
}
