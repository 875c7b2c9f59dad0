package dev.gwellbridge.sim;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.testkit.ReferenceVectors;
import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.CertifyReq;
import dev.gwellbridge.wire.CertifyReqCodec;
import dev.gwellbridge.wire.CertifyResp;
import dev.gwellbridge.wire.CertifyRespCodec;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesChecksum;
import dev.gwellbridge.wire.GutesCipher;
import dev.gwellbridge.wire.GutesMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The server's CertifyReq verification (§6.1, §6.2): the reference's certify_req_* frames are
 * accepted; tampered ones are refused, recorded under the right violation, and answered as
 * configured (error code or silence).
 */
class CertifyVerificationTest {

    /** A one-camera world whose account holds {@code credentials}. */
    private static SimHarness withAccount(
            AccessCredentials credentials, String accessId, String token, ServerBehaviour behaviour) {
        CameraIdentity id =
                new CameraIdentity("cam", "GW_GC1_000000000001", 0x186D600139C81L, accessId, token, credentials);
        SimulatorConfig cfg =
                SimulatorConfig.builder().serverBehaviour(behaviour).build();
        return new SimHarness(cfg, List.of(id), SimHarness.fixtureSource());
    }

    /** Sends {@code wire} and returns the server's answer as the client reads it, or null for none. */
    private static CertifyResp answer(SimHarness h, byte[] wire) throws FrameException {
        h.toServer(SimHarness.client(1), wire);
        h.advance(5);
        List<RecordingOutput.Sent> sent = h.out.take();
        if (sent.isEmpty()) {
            return null;
        }
        assertThat(sent).hasSize(1);
        return CertifyRespCodec.INSTANCE.acceptWire(sent.get(0).bytes());
    }

    @TestFactory
    Stream<DynamicTest> acceptsTheReferenceCertifyRequests() {
        List<JsonNode> certify = new ArrayList<>();
        ReferenceVectors.load("gutes_messages.json").get("vectors").forEach(v -> {
            if (v.get("id").asText().matches("certify_req_\\d+")) {
                certify.add(v);
            }
        });
        assertThat(certify).hasSizeGreaterThanOrEqualTo(3);
        return certify.stream().map(v -> DynamicTest.dynamicTest(v.get("id").asText(), () -> checkVector(v)));
    }

    private static void checkVector(JsonNode v) throws Exception {
        JsonNode in = v.get("inputs");
        String accessId = in.get("access_id").asText();
        String token = in.get("access_token").asText();
        AccessCredentials creds = AccessCredentials.parse(accessId, token);
        SimHarness h = withAccount(creds, accessId, token, ServerBehaviour.DEFAULT);
        byte[] wire = bytes(v.get("wire_hex"));

        CertifyResp resp = answer(h, wire);
        assertThat(resp).isNotNull();
        assertThat(resp.success()).isTrue();
        assertThat(resp.certifySessionId()).isNotZero();
        assertThat(resp.sqnum()).isEqualTo(in.get("sqnum").asInt());
        assertThat(h.world.server().session(SimHarness.client(1))).isNotNull();
        assertThat(h.violations.all()).isEmpty();

        byte[] badMac = wire.clone();
        badMac[164 - 1] ^= 0x01;
        assertThat(answer(h, badMac).errorCode()).isEqualTo(1);
        byte[] badHead = wire.clone();
        badHead[84 + 20] ^= 0x40;
        assertThat(answer(h, badHead).success()).isFalse();
        byte[] badChecksum = wire.clone();
        badChecksum[40] ^= 0x01;
        assertThat(answer(h, badChecksum).success()).isFalse();
        assertThat(h.violations.all())
                .extracting(Violation::kind)
                .containsExactly(
                        ViolationKind.CERTIFY_SIGNATURE,
                        ViolationKind.CERTIFY_SIGNATURE,
                        ViolationKind.CERTIFY_CHECKSUM);
        assertThat(h.violations.all().get(0).detail()).contains("hmac").doesNotContain("token-head");
        assertThat(h.violations.all().get(1).detail()).contains("token-head", "sum16", "hmac");
    }

    private static SimHarness generated(ServerBehaviour behaviour) {
        return new SimHarness(
                SimulatorConfig.builder().serverBehaviour(behaviour).build(), SimHarness.fixtureSource());
    }

    @Test
    void aSessionKeyWhoseHashDoesNotMatchIsAKeyViolation() throws Exception {
        SimHarness h = generated(ServerBehaviour.DEFAULT);
        AccessCredentials creds = h.identity(0).credentials();
        CertifyReq req = CertifyReq.random(creds.accessId(), 1, new SplittableRandom(3), 0);
        byte[] plain = CertifyReqCodec.forCredentials(creds).encodePlain(req);
        plain[28] ^= 0x01;
        GutesChecksum.store(plain);
        GutesCipher.encrypt(plain, GutesMode.FRAME_KEY, null);

        assertThat(answer(h, plain).errorCode()).isEqualTo(1);
        assertThat(h.violations.all()).extracting(Violation::kind).containsExactly(ViolationKind.CERTIFY_KEY);
    }

    @Test
    void anUnknownAccountIsRefused() throws Exception {
        SimHarness h = generated(ServerBehaviour.DEFAULT);
        AccessCredentials stranger = AccessCredentials.of(42, new byte[64], new byte[0]);
        CertifyReq req = CertifyReq.random(42, 1, new SplittableRandom(3), 0);
        byte[] wire = CertifyReqCodec.forCredentials(stranger).encode(req, null);

        assertThat(answer(h, wire).success()).isFalse();
        assertThat(h.violations.of(ViolationKind.CERTIFY_UNKNOWN_ACCOUNT)).hasSize(1);
    }

    @Test
    void refusesInSilenceWhenConfiguredAndStillRecords() throws Exception {
        SimHarness h = generated(ServerBehaviour.DEFAULT.withCertifyRejection(CertifyRejection.SILENCE, 1));
        AccessCredentials creds = h.identity(0).credentials();
        byte[] token = creds.tokenBytes();
        token[0] ^= 1;
        AccessCredentials wrongHead = AccessCredentials.of(creds.accessId(), token, new byte[0]);
        CertifyReq req = CertifyReq.random(creds.accessId(), 1, new SplittableRandom(3), 0);

        assertThat(answer(h, CertifyReqCodec.forCredentials(wrongHead).encode(req, null)))
                .isNull();
        assertThat(h.violations.of(ViolationKind.CERTIFY_SIGNATURE)).hasSize(1);
        assertThat(h.world.server().session(SimHarness.client(1))).isNull();
    }

    @Test
    void kickedIsAnErrorCodeTheClientDoesNotTakeAsALogin() throws Exception {
        SimHarness h = generated(ServerBehaviour.DEFAULT.withCertifyRejection(CertifyRejection.ERROR_CODE, 3));
        AccessCredentials creds = h.identity(0).credentials();
        CertifyReq req = CertifyReq.random(creds.accessId(), 1, new SplittableRandom(3), 0);
        byte[] wire = CertifyReqCodec.forCredentials(creds).encode(req, null);
        wire[100] ^= 0x10;

        CertifyResp resp = answer(h, wire);
        assertThat(resp.errorCode()).isEqualTo(CertifyResp.ERROR_KICKED);
        assertThat(resp.success()).isFalse();
    }

    @Test
    void acceptsTheFallbackVariant() throws Exception {
        SimHarness h = generated(ServerBehaviour.DEFAULT);
        AccessCredentials creds = h.identity(0).credentials();
        CertifyReq req = CertifyReq.random(creds.accessId(), 2, new SplittableRandom(3), 0);

        CertifyResp resp = answer(h, CertifyReqCodec.forCredentials(creds).encodeFallback(req));
        assertThat(resp.success()).isTrue();
        assertThat(h.violations.all()).isEmpty();
    }
}
