package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The registry is process-wide, so every test registers values of its own that no other test uses.
 */
class SecretsTest {

    @Test
    void masksARegisteredSecretEverywhereItOccurs() {
        Secrets.register("tok-51a8e0");
        assertThat(Secrets.redact("token tok-51a8e0 and again tok-51a8e0.")).isEqualTo("token *** and again ***.");
    }

    @Test
    void leavesTextWithoutSecretsUnchanged() {
        Secrets.register("pw-nothing-here-1");
        assertThat(Secrets.redact("camera GW_GC1_0A1B2C3D4E5F is online"))
                .isEqualTo("camera GW_GC1_0A1B2C3D4E5F is online");
        assertThat(Secrets.redact(null)).isNull();
        assertThat(Secrets.redact("")).isEmpty();
    }

    @Test
    void ignoresStringsTooShortToMaskSafely() {
        Secrets.register("q7z");
        Secrets.register(null);
        assertThat(Secrets.redact("q7z stays")).isEqualTo("q7z stays");
    }

    @Test
    void masksTheLongerOfTwoNestedSecretsWhole() {
        Secrets.register("n3st");
        Secrets.register("n3st-egg-9931");
        assertThat(Secrets.redact("key=n3st-egg-9931;")).isEqualTo("key=***;");
        assertThat(Secrets.redact("key=n3st;")).isEqualTo("key=***;");
    }

    @Test
    void masksOverlappingSecretsWithoutLeavingAFragment() {
        Secrets.register("ab12cd34");
        Secrets.register("cd34ef56");
        assertThat(Secrets.redact("x ab12cd34ef56 y")).isEqualTo("x *** y");
    }

    @Test
    void masksRepeatedOverlappingOccurrencesOfOneSecret() {
        Secrets.register("zzzz");
        assertThat(Secrets.redact("<zzzzzz>")).isEqualTo("<***>");
    }

    @Test
    void masksUserInfoOfUrls() {
        assertThat(Secrets.redactUrl("rtsp://admin:s3cr3t@192.168.1.10:8554/front"))
                .isEqualTo("rtsp://***@192.168.1.10:8554/front");
        assertThat(Secrets.redactUrl("mqtt://user@broker:1883")).isEqualTo("mqtt://***@broker:1883");
    }

    @Test
    void masksAPasswordContainingAnAtSignWhole() {
        assertThat(Secrets.redactUrl("rtsp://admin:p@ss@host/x")).isEqualTo("rtsp://***@host/x");
    }

    @Test
    void leavesAtSignsInPathsAndPlainUrlsAlone() {
        assertThat(Secrets.redactUrl("http://host:8888/a@b/index.m3u8")).isEqualTo("http://host:8888/a@b/index.m3u8");
        assertThat(Secrets.redactUrl("http://host/x")).isEqualTo("http://host/x");
        assertThat(Secrets.redactUrl(null)).isNull();
    }

    @Test
    void masksEveryUrlInALine() {
        assertThat(Secrets.redactUrl("ffmpeg -i rtsp://a:b@h1/x -f rtsp rtsp://c:d@h2/y"))
                .isEqualTo("ffmpeg -i rtsp://***@h1/x -f rtsp rtsp://***@h2/y");
    }

    @Test
    void alsoMasksRegisteredSecretsOutsideTheUserInfo() {
        Secrets.register("qs-token-7781");
        assertThat(Secrets.redactUrl("https://api.example/x?access_token=qs-token-7781"))
                .isEqualTo("https://api.example/x?access_token=***");
    }
}
