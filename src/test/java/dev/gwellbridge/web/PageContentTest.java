package dev.gwellbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The page, its static files and the live view's HLS files. */
@Timeout(30)
class PageContentTest {
    private static final Pattern URL_ATTR = Pattern.compile("(?:src|href)=\"([^\"]*)\"");
    private static final Pattern JS_URL =
            Pattern.compile("(?:fetch|getJson|postJson|EventSource)\\(\\s*['\"`]([^'\"`]*)");

    @TempDir
    Path dataDir;

    private PageFixture page;

    @BeforeEach
    void open() {
        page = PageFixture.open(dataDir);
        page.cameras.put(TestCameras.front(CameraStatus.STREAMING));
    }

    @AfterEach
    void close() {
        page.close();
    }

    @Test
    void thePageUsesOnlyRelativeUrls() throws Exception {
        HttpResponse<String> r = page.get("");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(r.body()).contains("0.1.0-test").doesNotContain("<base");
        Matcher m = URL_ATTR.matcher(r.body());
        int found = 0;
        while (m.find()) {
            found++;
            assertThat(m.group(1)).as("URL in the page").doesNotStartWith("/").doesNotContain("://");
        }
        assertThat(found).isGreaterThanOrEqualTo(3);
        for (String script : List.of("app.js", "api.js", "cards.js", "live.js")) {
            String js = page.get("static/" + script).body();
            Matcher u = JS_URL.matcher(js);
            while (u.find()) {
                assertThat(u.group(1)).as(script + " URL").doesNotStartWith("/").doesNotContain("://");
            }
            assertThat(js).as(script).doesNotContain("'/api", "\"/api", "'/hls", "'/static");
        }
    }

    @Test
    void theIngressPathBecomesTheBaseHrefWhenItIsWellFormed() throws Exception {
        HttpResponse<String> ingress = page.send(HttpRequest.newBuilder(page.uri(""))
                .header("X-Ingress-Path", "/api/hassio_ingress/AbC-123_xyz")
                .GET());
        HttpResponse<String> hostile = page.send(HttpRequest.newBuilder(page.uri(""))
                .header("X-Ingress-Path", "/x\"><script>alert(1)</script>")
                .GET());

        assertThat(ingress.body()).contains("<base href=\"/api/hassio_ingress/AbC-123_xyz/\">");
        assertThat(hostile.body()).doesNotContain("<base").doesNotContain("alert(1)");
    }

    @Test
    void staticFilesHaveTypesAndRevalidate() throws Exception {
        HttpResponse<String> js = page.get("static/app.js");
        HttpResponse<String> css = page.get("static/app.css");

        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        String etag = js.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = page.send(HttpRequest.newBuilder(page.uri("static/app.js"))
                .header("If-None-Match", etag)
                .GET());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(page.get("static/../index.html").statusCode()).isEqualTo(404);
        assertThat(page.get("static/nope.js").statusCode()).isEqualTo(404);
    }

    @Test
    void theBuildVendorsHlsJs() throws Exception {
        HttpResponse<String> r = page.get("static/vendor/hls.min.js");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(r.body().length()).isGreaterThan(100_000);
    }

    @Test
    void servesHlsFromTheDataDirectoryAndSignalsAViewer() throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("hls/front_yard"));
        Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n#EXT-X-TARGETDURATION:1\n", StandardCharsets.UTF_8);
        Files.write(dir.resolve("index3.ts"), new byte[] {0x47, 1, 2, 3});

        HttpResponse<String> playlist = page.get("hls/front_yard/index.m3u8");
        HttpResponse<byte[]> segment = page.getBytes("hls/front_yard/index3.ts");

        assertThat(playlist.statusCode()).isEqualTo(200);
        assertThat(playlist.body()).startsWith("#EXTM3U");
        assertThat(playlist.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
        assertThat(playlist.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(segment.statusCode()).isEqualTo(200);
        assertThat(segment.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        assertThat(segment.body()).containsExactly(0x47, 1, 2, 3);
        assertThat(page.cameras.viewers).containsExactly(TestCameras.FRONT);
    }

    @Test
    void aMissingPlaylistIs404ButStillWakesTheCamera() throws Exception {
        HttpResponse<String> r = page.get("hls/front_yard/index.m3u8");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("no_stream");
        assertThat(page.cameras.viewers).containsExactly(TestCameras.FRONT);
    }

    @Test
    void hlsPathsCannotLeaveTheHlsFolder() throws Exception {
        Files.writeString(dataDir.resolve("secret.m3u8"), "#EXTM3U\n", StandardCharsets.UTF_8);
        Files.createDirectories(dataDir.resolve("hls/front_yard"));

        for (String path : List.of(
                "hls/../secret.m3u8",
                "hls/%2e%2e/secret.m3u8",
                "hls/front_yard/..%2Fsecret.m3u8",
                "hls/front_yard/index.sh",
                "hls/FRONT/index.m3u8")) {
            assertThat(page.get(path).statusCode()).as(path).isIn(400, 404);
        }
    }
}
