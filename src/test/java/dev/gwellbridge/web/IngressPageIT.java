package dev.gwellbridge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gwellbridge.camera.AccountCredentials;
import dev.gwellbridge.camera.CameraCommand;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.testkit.CapturedLogs;
import dev.gwellbridge.testkit.TempTrees;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The page in real Chromium behind an ingress-like prefix, with fakes for the bridge and real
 * ffmpeg producing the HLS the live view plays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class IngressPageIT {
    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final String PASSWORD = "Pw-browser-5b7e13";
    private static final String API_KEY = "Key-browser-a9d02c";
    private static final String API_ID = "Id-browser-77e1f0";
    private static final String CARD = "article[data-slug='front_yard']";

    private Path dataDir;
    private Path userDataDir;
    private PageFixture page;
    private IngressProxy proxy;
    private Process ffmpeg;
    private WebDriver driver;
    private CapturedLogs logs;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(HeadlessChromium.installed(), "Chromium is not installed");
        assumeTrue(Files.isExecutable(FFMPEG), "ffmpeg is not installed");
        logs = CapturedLogs.start();
        dataDir = Files.createTempDirectory("gwell-web-it");
        userDataDir = Files.createTempDirectory("gwell-web-chromium");
        Path hls = Files.createDirectories(dataDir.resolve("hls/front_yard"));
        ffmpeg = new ProcessBuilder(
                        FFMPEG.toString(),
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-re",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=640x360:rate=20",
                        "-t",
                        "90",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-tune",
                        "zerolatency",
                        "-pix_fmt",
                        "yuv420p",
                        "-g",
                        "20",
                        "-f",
                        "hls",
                        "-hls_time",
                        "1",
                        "-hls_list_size",
                        "6",
                        "-hls_flags",
                        "delete_segments+independent_segments",
                        hls.resolve("index.m3u8").toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("ffmpeg.log").toFile())
                .start();

        // The ingress proxy is the only allowed caller, as the Supervisor is in the add-on.
        page = new PageFixture(dataDir, List.of("127.0.0.1"), false);
        page.cameras.put(TestCameras.front(CameraStatus.IDLE));
        page.cameras.put(TestCameras.doorFailing());
        proxy = new IngressProxy(page.server.port());

        driver = HeadlessChromium.start(userDataDir);
        driver.get(proxy.pageUrl());
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (page != null) {
            page.close();
        }
        if (ffmpeg != null) {
            ffmpeg.destroy();
            ffmpeg.waitFor();
        }
        if (logs != null) {
            logs.close();
        }
        TempTrees.delete(dataDir, userDataDir);
    }

    @Test
    @Order(1)
    void showsTheCamerasThroughTheIngressPrefix() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Pages.text(driver, CARD + " .status").equals("idle"));

        assertThat(driver.getCurrentUrl()).contains(IngressProxy.PREFIX + "/");
        assertThat(Pages.text(driver, CARD + " .name")).isEqualTo("Front Yard");
        assertThat(Pages.text(driver, CARD + " [data-field='model']")).isEqualTo("Wyze Cam OG (GW_GC1)");
        assertThat(Pages.text(driver, CARD + " .url.rtsp")).isEqualTo("rtsp://192.168.1.10:8554/front_yard");
        assertThat(Pages.text(driver, "article[data-slug='front_door'] .status"))
                .isEqualTo("error");
        assertThat(Pages.text(driver, "article[data-slug='front_door'] .message"))
                .contains("relay only");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Pages.text(driver, "#feed-state").equals("live"));
        assertThat(Pages.text(driver, "#bridge-mqtt")).isEqualTo("connected to core-mosquitto:1883");
        assertThat(driver.findElement(By.tagName("base")).getAttribute("href")).endsWith(IngressProxy.PREFIX + "/");
    }

    @Test
    @Order(2)
    void savesCredentialsAndShowsThemAsSet() {
        assertThat(Pages.text(driver, "#cred-password-state")).isEqualTo("not set");
        Pages.type(driver, "email", "me@example.com");
        Pages.type(driver, "password", PASSWORD);
        Pages.type(driver, "api_id", API_ID);
        Pages.type(driver, "api_key", API_KEY);
        driver.findElement(By.id("cred-save")).click();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> Pages.text(driver, "#cred-password-state").equals("set"));
        assertThat(page.account.calls)
                .containsExactly(new AccountCredentials("me@example.com", PASSWORD, API_ID, API_KEY, ""));
        assertThat(Pages.text(driver, "#cred-api_key-state")).isEqualTo("set");
        assertThat(Pages.text(driver, "#cred-totp_key-state")).isEqualTo("not set");
        assertThat(Pages.text(driver, "#cred-result")).startsWith("Saved.");
        assertThat(driver.findElement(By.name("password")).getAttribute("value"))
                .isEmpty();
        assertThat(logs.lines())
                .anySatisfy(
                        l -> assertThat(l).contains("test-admin (8f1c0ffee)").contains("submitted Wyze credentials"));
    }

    @Test
    @Order(3)
    void aCameraThatStartsStreamingAppearsWithoutReload() {
        Pages.js(driver, "window.__notReloaded = 'yes';");

        page.cameras.put(TestCameras.front(CameraStatus.STREAMING));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> Pages.text(driver, CARD + " .status").equals("streaming"));
        assertThat(Pages.text(driver, CARD + " [data-field='transport']")).isEqualTo("lan (lan_udp)");
        assertThat(Pages.js(driver, "return window.__notReloaded;")).isEqualTo("yes");
    }

    @Test
    @Order(4)
    void stopSendsTheCommandAndTheCardFollowsTheBridge() {
        page.cameras.commands.clear();

        driver.findElement(By.cssSelector(CARD + " button.stop")).click();

        await().atMost(Duration.ofSeconds(10)).until(() -> !page.cameras.commands.isEmpty());
        assertThat(page.cameras.commands.get(0).command()).isEqualTo(new CameraCommand.Stop());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Pages.text(driver, CARD + " .result").equals("stream accepted"));
        page.cameras.put(TestCameras.front(CameraStatus.IDLE));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Pages.text(driver, CARD + " .status").equals("idle"));
    }

    @Test
    @Order(5)
    void theLiveViewPlaysTheHlsStream() {
        Object avc = Pages.js(driver, "return MediaSource.isTypeSupported('video/mp4; codecs=\"avc1.42E01E\"');");
        System.out.println("Chromium MediaSource H.264 (avc1.42E01E) support: " + avc);

        driver.findElement(By.cssSelector(CARD + " button.watch")).click();

        WebElement video = driver.findElement(By.id("live-video"));
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Pages.liveViewTime(driver) > 1.0);
        double first = Pages.liveViewTime(driver);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Pages.liveViewTime(driver) > first + 1.5);
        assertThat(video.getAttribute("data-engine")).startsWith("hls.js 1.6.15");
        assertThat(Integer.parseInt(video.getAttribute("data-frags-buffered"))).isGreaterThanOrEqualTo(2);
        assertThat(Pages.js(driver, "return document.getElementById('live-video').videoWidth;"))
                .isEqualTo(640L);
        assertThat(avc).isEqualTo(true);
        assertThat(page.cameras.viewers).contains(TestCameras.FRONT);
        System.out.println("Live view played " + Pages.liveViewTime(driver) + " s; fragments loaded "
                + video.getAttribute("data-frags-loaded") + ", buffered " + video.getAttribute("data-frags-buffered"));
    }

    @Test
    @Order(6)
    void writesAScreenshotAndLeaksNoSecret() throws Exception {
        page.cameras.snapshot(TestCameras.FRONT, Files.readAllBytes(snapshotJpeg()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Boolean.TRUE.equals(Pages.js(
                        driver,
                        "var i = document.querySelector(\"" + CARD
                                + " img.snapshot\"); return i.complete && i.naturalWidth > 0 && !i.hidden;")));

        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path shot = Path.of("target", "ingress-page.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, png);

        assertThat(Files.size(shot)).isGreaterThan(10_000);
        assertThat(Files.readAllBytes(shot)).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        StringBuilder seen = new StringBuilder(driver.getPageSource());
        for (String route : List.of("api/cameras", "api/account", "api/health", "api/logs", "api/debug-bundle")) {
            HttpResponse<String> r = page.get(route);
            seen.append(r.body());
        }
        assertThat(seen.toString()).doesNotContain(PASSWORD, API_KEY, API_ID);
        List<String> console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        System.out.println("Browser console errors: " + console);
        assertThat(console).isEmpty();
        assertThat(logs.lines()).isNotEmpty().noneSatisfy(l -> assertThat(l).containsAnyOf(PASSWORD, API_KEY, API_ID));
    }

    private Path snapshotJpeg() throws Exception {
        Path jpg = dataDir.resolve("snap.jpg");
        Process p = new ProcessBuilder(
                        FFMPEG.toString(),
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=640x360:rate=1",
                        "-frames:v",
                        "1",
                        "-q:v",
                        "3",
                        "-y",
                        jpg.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor()).isZero();
        return jpg;
    }
}
