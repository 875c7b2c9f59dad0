package dev.gwellbridge.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.crypto.Rc5x32;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every decoder fed 100 000 random inputs and 100 000 mutated valid inputs (seeded, so a failure
 * reproduces): it must return a value or throw its checked decode exception, nothing else.
 */
class DecoderRobustnessTest {
    private static final int RANDOM_INPUTS = 100_000;
    private static final int MUTATED_INPUTS = 100_000;
    private static final int SAMPLES = 64;
    private static final long SEED = 0x6775746573L;

    /** A decoder under test; a {@code null} result counts as a failure. */
    private interface Decoder {
        Object decode(byte[] input) throws Exception;
    }

    /** Valid samples of one message family: plaintext frames and their sealed wire form. */
    private record Samples(int subtype, List<byte[]> plains, List<byte[]> wires) {}

    private static final Rc5x32 KEY = Rc5x32.of(new MessageSamples(new SplittableRandom(SEED)).bytes(32));
    private static final AccessCredentials CREDENTIALS =
            new MessageSamples(new SplittableRandom(SEED + 1)).credentials();
    private static final CertifyReqCodec CERTIFY = CertifyReqCodec.forCredentials(CREDENTIALS);

    @TestFactory
    Stream<DynamicTest> everyCodecDecodeReturnsOrThrowsFrameException() {
        return Stream.of(
                plain("CertifyReqCodec.decode", s -> s.certifyReq(CREDENTIALS), CERTIFY::decode),
                plain("CertifyRespCodec.decode", MessageSamples::certifyResp, CertifyRespCodec.INSTANCE::decode),
                plain("RoutingIdCodec.decode", MessageSamples::routingId, RoutingIdCodec.INSTANCE::decode),
                plain("InitInfoMsgCodec.decode", MessageSamples::initInfo, InitInfoMsgCodec.INSTANCE::decode),
                plain("DeviceListCodec.decode", MessageSamples::deviceList, DeviceListCodec.INSTANCE::decode),
                plain(
                        "SubscribeCodec.decode",
                        s -> s.r().nextBoolean() ? s.subscribeDeviceId() : s.subscribeToken(),
                        SubscribeCodec.INSTANCE::decode),
                plain("SubscribeRespCodec.decode", MessageSamples::subscribeResp, SubscribeRespCodec.INSTANCE::decode),
                plain("NetworkDetectCodec.decode", MessageSamples::networkDetect, NetworkDetectCodec.INSTANCE::decode),
                plain(
                        "PassthroughCodec.decode",
                        s -> s.r().nextBoolean() ? s.passthroughData() : s.passthroughControl(),
                        PassthroughCodec.INSTANCE::decode),
                plain("InnerCodec.decode", MessageSamples::inner, InnerCodec.INSTANCE::decode),
                plain("CallingCodec.decode", MessageSamples::calling, CallingCodec.INSTANCE::decode),
                plain("CallingAckCodec.decode", MessageSamples::callingAck, CallingAckCodec.INSTANCE::decode),
                plain("ResResponseCodec.decode", MessageSamples::resResponse, ResResponseCodec.INSTANCE::decode),
                plain("ResRequestCodec.decode", MessageSamples::resRequest, ResRequestCodec.INSTANCE::decode),
                plain("HeartbeatCodec.decode", MessageSamples::heartbeat, HeartbeatCodec.INSTANCE::decode),
                plain("PortStatCodec.decode", MessageSamples::portMessage, PortStatCodec.INSTANCE::decode),
                plain("DetectReq2Codec.decode", s -> DetectReq2.random(s.r()), DetectReq2Codec.INSTANCE::decode),
                plain("DetectRespCodec.decode", MessageSamples::detectResp, DetectRespCodec.INSTANCE::decode),
                plain(
                        "ListFrmRequestCodec.decode",
                        s -> ListFrmRequest.random(s.r()),
                        ListFrmRequestCodec.INSTANCE::decode),
                plain(
                        "DetectRequestCodec.decode",
                        s -> DetectRequest.random(s.r()),
                        DetectRequestCodec.INSTANCE::decode),
                plain("GutesHeader.read", s -> s.any(CREDENTIALS), GutesHeader::read));
    }

    @TestFactory
    Stream<DynamicTest> everyWireDecoderReturnsOrThrowsFrameException() {
        Function<MessageSamples, GutesMessage> any = s -> s.any(CREDENTIALS);
        return Stream.of(
                wire("GutesCipher.robustDecrypt", any, b -> GutesCipher.robustDecrypt(b, KEY)),
                wire("GutesCipher.robustDecrypt without session key", any, b -> GutesCipher.robustDecrypt(b, null)),
                wire("GutesClassifier.atClient", any, b -> GutesClassifier.atClient(b, KEY)),
                wire("GutesClassifier.atPeer", any, b -> GutesClassifier.atPeer(b, KEY, CERTIFY)),
                wire("CertifyReqCodec.verify", s -> s.certifyReq(CREDENTIALS), CERTIFY::verify),
                wire("CertifyRespCodec.acceptWire", MessageSamples::certifyResp, CertifyRespCodec.INSTANCE::acceptWire),
                wire(
                        "ListFrmRequestCodec.decodeWire",
                        s -> ListFrmRequest.random(s.r()),
                        b -> ListFrmRequestCodec.INSTANCE.decodeWire(b, null)),
                wire(
                        "DetectRequestCodec.decodeWire",
                        s -> DetectRequest.random(s.r()),
                        b -> DetectRequestCodec.INSTANCE.decodeWire(b, null)));
    }

    @TestFactory
    Stream<DynamicTest> discoveryParsersReturnOrThrowFrameException() {
        MessageSamples s = new MessageSamples(new SplittableRandom(SEED + 2));
        List<byte[]> entries = new ArrayList<>();
        List<byte[]> lists = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            entries.add(ServerEntryCodec.encode(s.serverEntry()));
            List<ServerEntry> list = new ArrayList<>();
            for (int n = s.r().nextInt(6); n > 0; n--) {
                list.add(s.serverEntry());
            }
            byte[] encoded = ServerListCodec.encode(list);
            lists.add(encoded);
            byte[] response = new byte[24 + encoded.length];
            s.r().nextBytes(response);
            System.arraycopy(encoded, 0, response, 24, encoded.length);
            lists.add(response);
            byte[] frame = DeviceListCodec.INSTANCE.encodePlain(s.deviceList());
            payloads.add(Arrays.copyOfRange(frame, 24, frame.length));
        }
        return Stream.of(
                bytesTest("ServerEntryCodec.decode", entries, b -> ServerEntryCodec.decode(b, 0)),
                bytesTest(
                        "ServerEntryCodec.decode at an offset", entries, b -> ServerEntryCodec.decode(b, b.length / 3)),
                bytesTest("ServerListCodec.decode", lists, ServerListCodec::decode),
                bytesTest("ServerListCodec.scan", lists, ServerListCodec::scan),
                bytesTest("DeviceListCodec.parsePayload", payloads, DeviceListCodec::parsePayload));
    }

    @Test
    void credentialParsingReturnsOrThrowsCredentialFormatException() {
        SplittableRandom r = new SplittableRandom(SEED + 3);
        MessageSamples s = new MessageSamples(r);
        String alphabet = "0123456789abcdefABCDEF+/=-_ xyzZ\u0663\u00e9\uff10";
        List<String[]> valid = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            AccessCredentials c = s.credentials();
            valid.add(new String[] {
                Long.toUnsignedString(c.accessId()),
                HexFormat.of().formatHex(c.tokenBytes()) + Base64.getEncoder().encodeToString(c.extraTokenData())
            });
        }
        int parsed = 0;
        for (int i = 0; i < RANDOM_INPUTS + MUTATED_INPUTS; i++) {
            String id;
            String token;
            if (i < RANDOM_INPUTS) {
                id = randomString(r, alphabet, r.nextInt(25));
                token = randomString(r, alphabet, r.nextInt(4) == 0 ? 128 + r.nextInt(200) : r.nextInt(300));
            } else {
                String[] v = valid.get(i % SAMPLES);
                boolean both = r.nextInt(4) == 0;
                boolean idOnly = !both && r.nextBoolean();
                id = both || idOnly ? mutateString(r, alphabet, v[0]) : v[0];
                token = both || !idOnly ? mutateString(r, alphabet, v[1]) : v[1];
            }
            try {
                if (AccessCredentials.parse(id, token) == null) {
                    throw new AssertionError("AccessCredentials.parse returned null for input " + i);
                }
                parsed++;
            } catch (CredentialFormatException expected) {
                if (expected.getMessage().isBlank()) {
                    throw new AssertionError("blank message", expected);
                }
            } catch (RuntimeException e) {
                throw new AssertionError("AccessCredentials.parse, input " + i + " (id '" + id + "'): " + e, e);
            }
        }
        assertThat(parsed).isPositive();
    }

    private static DynamicTest plain(
            String name, Function<MessageSamples, ? extends GutesMessage> sample, Decoder decoder) {
        return DynamicTest.dynamicTest(name, () -> {
            Samples samples = samples(name, sample);
            Mutator m = new Mutator(new SplittableRandom(SEED ^ name.hashCode()));
            run(
                    name,
                    decoder,
                    i -> i < RANDOM_INPUTS
                            ? m.random(samples.subtype())
                            : m.mutate(samples.plains().get(i % SAMPLES)));
        });
    }

    private static DynamicTest wire(
            String name, Function<MessageSamples, ? extends GutesMessage> sample, Decoder decoder) {
        return DynamicTest.dynamicTest(name, () -> {
            Samples samples = samples(name, sample);
            Mutator m = new Mutator(new SplittableRandom(SEED ^ name.hashCode()));
            run(name, decoder, i -> {
                if (i < RANDOM_INPUTS) {
                    return m.random(samples.subtype());
                }
                int k = i % SAMPLES;
                return i % 2 == 0
                        ? m.mutate(samples.wires().get(k))
                        : m.mutateAndReseal(samples.plains().get(k), KEY);
            });
        });
    }

    private static DynamicTest bytesTest(String name, List<byte[]> valid, Decoder decoder) {
        return DynamicTest.dynamicTest(name, () -> {
            Mutator m = new Mutator(new SplittableRandom(SEED ^ name.hashCode()));
            run(name, decoder, i -> i < RANDOM_INPUTS ? m.random(0x16) : m.mutate(valid.get(i % valid.size())));
        });
    }

    private static void run(String name, Decoder decoder, IntFunction<byte[]> inputs) {
        int decoded = 0;
        for (int i = 0; i < RANDOM_INPUTS + MUTATED_INPUTS; i++) {
            byte[] input = inputs.apply(i);
            try {
                Object result = decoder.decode(input);
                if (result == null) {
                    throw new AssertionError(name + " returned null for input " + i);
                }
                decoded++;
            } catch (FrameException expected) {
                if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                    throw new AssertionError(name + " threw a FrameException without a reason", expected);
                }
            } catch (Exception | Error e) {
                String hex = HexFormat.of().formatHex(input, 0, Math.min(input.length, 160));
                throw new AssertionError(name + ", input " + i + " (" + input.length + " bytes " + hex + "): " + e, e);
            }
        }
        assertThat(decoded).as("%s decoded none of its inputs", name).isPositive();
    }

    private static Samples samples(String name, Function<MessageSamples, ? extends GutesMessage> sample) {
        MessageSamples s = new MessageSamples(new SplittableRandom(SEED ^ name.hashCode() ^ 0x5A));
        List<byte[]> plains = new ArrayList<>();
        List<byte[]> wires = new ArrayList<>();
        int subtype = 0;
        for (int i = 0; i < SAMPLES; i++) {
            GutesMessage msg = sample.apply(s);
            subtype = msg.subtype();
            byte[] plain = msg instanceof CertifyReq c ? CERTIFY.encodePlain(c) : GutesCodecs.encodePlain(msg);
            plains.add(plain);
            if (msg instanceof CertifyReq c) {
                wires.add(i % 4 == 0 ? CERTIFY.encodeFallback(c) : CERTIFY.encode(c, null));
            } else {
                wires.add(GutesCodecs.encode(msg, KEY));
            }
        }
        return new Samples(subtype, plains, wires);
    }

    private static String randomString(SplittableRandom r, String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String mutateString(SplittableRandom r, String alphabet, String valid) {
        StringBuilder b = new StringBuilder(valid);
        switch (r.nextInt(4)) {
            case 0 -> {
                if (b.length() > 0) {
                    b.setCharAt(r.nextInt(b.length()), alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            case 1 -> b.setLength(b.length() == 0 ? 0 : r.nextInt(b.length()));
            case 2 -> b.append(randomString(r, alphabet, 1 + r.nextInt(20)));
            default -> b.insert(r.nextInt(b.length() + 1), alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
