package dev.gwellbridge.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The worked examples of the cloud API notes, sections 2.2 and 4.3. */
class WyzeSigningTest {
    private static final String UNSORTED_BODY =
            "{\"ttl_minutes\":10080,\"nonce\":\"1700000000000\",\"unique_id\":\"00000000-0000-4000-8000-000000000000\"}";
    private static final String SORTED_BODY =
            "{\"nonce\":\"1700000000000\",\"ttl_minutes\":10080,\"unique_id\":\"00000000-0000-4000-8000-000000000000\"}";
    private static final String JWT =
            "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGgud3l6ZS5jb20iLCJ1"
                    + "c2VyX2lkIjoiMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDEiLCJzY29wZSI6WyJuYXRpdmUiXSwiY3JlYXRlZF9hdCI6M"
                    + "TcwMDAwMDAwMCwiZXhwIjoxNzAwMTcyODAwfQ.bm90LWEtcmVhbC1zaWduYXR1cmU";

    @Test
    void tripleMd5OfExamplePasswordMatchesEachRound() {
        assertThat(WyzeSigning.md5Hex("example-password")).isEqualTo("cc4436eff149ba9761aaac07b36360ea");
        assertThat(WyzeSigning.md5Hex("cc4436eff149ba9761aaac07b36360ea"))
                .isEqualTo("75f59d0259ddc9ca71cfa2e2278f36f6");
        assertThat(WyzeSigning.tripleMd5("example-password")).isEqualTo("1c5549dc9beb569095376f6cfb323c11");
    }

    @Test
    void loginPasswordTrimsAndAcceptsPrehashedValues() {
        assertThat(WyzeSigning.loginPassword("  example-password \n")).isEqualTo("1c5549dc9beb569095376f6cfb323c11");
        assertThat(WyzeSigning.loginPassword("md5:1C5549DC9BEB569095376F6CFB323C11"))
                .isEqualTo("1c5549dc9beb569095376f6cfb323c11");
        assertThat(WyzeSigning.loginPassword("Hashed:1c5549dc9beb569095376f6cfb323c11"))
                .isEqualTo("1c5549dc9beb569095376f6cfb323c11");
    }

    @Test
    void signature2OfExampleAccessTokenOverUnsortedBody() {
        assertThat(UNSORTED_BODY).hasSize(96);
        assertThat(WyzeSigning.signingKeyHex("EXAMPLE_ACCESS_TOKEN")).isEqualTo("e9775c57c7298294b1f16555e7718fcb");
        assertThat(WyzeSigning.signature2("EXAMPLE_ACCESS_TOKEN", UNSORTED_BODY))
                .isEqualTo("dc0ab77fa0324afa88deb74608d880cd");
    }

    @Test
    void signature2OfExampleAccessTokenOverSortedBody() {
        assertThat(WyzeSigning.signature2("EXAMPLE_ACCESS_TOKEN", SORTED_BODY))
                .isEqualTo("08ad2bd1ea7664b97d111c7e4502d4a1");
    }

    @Test
    void signature2WithSyntheticJwtAsAccessToken() {
        assertThat(WyzeSigning.signingKeyHex(JWT)).isEqualTo("f021e22cd07be27272a8182faef766d6");
        assertThat(WyzeSigning.signature2(JWT, UNSORTED_BODY)).isEqualTo("f91b42130f730ccc27b90b2c611915e3");
    }

    @Test
    void requestIdOfExampleNonce() {
        assertThat(WyzeSigning.requestId("1700000000000")).isEqualTo("474ecf29d67d8a9adc6d1e24393fc616");
    }

    @Test
    void syntheticJwtExpiryDecodes() {
        assertThat(Jwt.expiry(JWT)).contains(java.time.Instant.ofEpochSecond(1700172800L));
        assertThat(Jwt.expiry("lvtx.opaque-token")).isEmpty();
        assertThat(Jwt.expiry("a.!!!.c")).isEmpty();
    }
}
