package dev.gwellbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.gwellbridge.app.TestBridge;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraState;
import dev.gwellbridge.camera.CameraStatus;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamMode;
import dev.gwellbridge.cloud.FakeDevice;
import dev.gwellbridge.cloud.FakeWyzeCloud;
import dev.gwellbridge.cloud.FakeWyzeServer;
import dev.gwellbridge.cloud.WyzeCloud;
import dev.gwellbridge.config.MqttOptions;
import dev.gwellbridge.config.Options;
import dev.gwellbridge.config.WyzeOptions;
import dev.gwellbridge.sim.SimCameraInfo;
import dev.gwellbridge.sim.SimMode;
import dev.gwellbridge.sim.Simulator;
import dev.gwellbridge.sim.SimulatorConfig;
import dev.gwellbridge.sim.SimulatorHandle;
import dev.gwellbridge.sim.ViolationKind;
import dev.gwellbridge.testkit.CapturedLogs;
import dev.gwellbridge.testkit.TempTrees;
import dev.gwellbridge.web.HeadlessChromium;
import dev.gwellbridge.web.IngressProxy;
import dev.gwellbridge.web.Pages;
import dev.gwellbridge.web.SseReader;
import dev.gwellbridge.web.WebSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.slf4j.LoggerFactory;

/**
 * Issue 8's acceptance on the real stack: the page in headless Chromium behind an ingress-like
 * prefix, over the real bridge (supervisor, GWell sessions, ffmpeg HLS, page) whose Wyze account is
 * the real cloud client talking to the fake Wyze cloud over HTTP, which lists the simulator's
 * cameras. The bridge starts without an account; the credentials are entered on the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class IngressStackIT {
    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final long SEED = 8;
    private static final Path SCREENSHOT = Path.of("target", "ingress-stack.png");
    private static final String WRONG_PASSWORD = "Wr0ng-stack-pw-4471";
    /** On the account but unknown to the P2P server, which refuses its credential. */
    private static final String GHOST_ID = "GW_GC1_0A0B0C0D0E0F";

    private static final String GHOST_TOKEN = FakeWyzeCloud.marsToken(77);
    private static final String GHOST_SLUG = "ghost_porch";

    private CapturedLogs logs;
    private final Logger product = (Logger) LoggerFactory.getLogger("dev.gwellbridge");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Level productLevel;
    private Path dataDir;
    private Path userDataDir;
    private FakeWyzeCloud cloud;
    private FakeWyzeServer cloudServer;
    private SimulatorHandle sim;
    private TestBridge bridge;
    private IngressProxy proxy;
    private WebDriver driver;
    private int rtspPort;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(HeadlessChromium.installed(), "Chromium is not installed");
        assumeTrue(Files.isExecutable(FFMPEG), "ffmpeg is not installed");
        // Repeats are logged at DEBUG; the secret sweep covers them too.
        productLevel = product.getLevel();
        product.setLevel(Level.DEBUG);
        logs = CapturedLogs.start();
        dataDir = Files.createTempDirectory("gwell-stack-web");
        userDataDir = Files.createTempDirectory("gwell-stack-chromium");

        sim = Simulator.start(SimulatorConfig.builder()
                .bindAddress(InetAddress.getLoopbackAddress())
                .serverPort(0)
                .cameras(2)
                .mode(SimMode.LAN)
                .seed(SEED)
                .cacheDir(dataDir.resolve("sim-cache"))
                .build());
        cloud = new FakeWyzeCloud(InstantSource.system());
        List<FakeDevice> devices = new ArrayList<>();
        for (SimCameraInfo c : sim.cameraInfos()) {
            devices.add(new FakeDevice(
                    c.deviceId(),
                    CameraId.of(c.deviceId()).modelId(),
                    c.name(),
                    "127.0.0.1",
                    c.accessId(),
                    c.accessToken()));
        }
        devices.add(new FakeDevice(
                GHOST_ID, "GW_GC1", "Ghost Porch", "127.0.0.1", FakeWyzeCloud.accessId(GHOST_ID), GHOST_TOKEN));
        cloud.devices = List.copyOf(devices);
        cloudServer = new FakeWyzeServer(cloud);

        URI wyze = cloudServer.baseUrl();
        WyzeOptions noAccount = new WyzeOptions("", "", "", "", "", wyze, wyze, wyze, false);
        InetSocketAddress p2p = sim.serverAddress();
        // Nothing listens on the RTSP port: ffmpeg's RTSP output is allowed to fail, HLS carries on.
        rtspPort = freePort();
        Options options = new Options(
                noAccount,
                StreamMode.ALWAYS,
                Quality.HD,
                rtspPort,
                rtspPort + 1,
                "127.0.0.1",
                p2p.getAddress().getHostAddress() + ":" + p2p.getPort(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(120),
                Duration.ofSeconds(120),
                Duration.ofMinutes(10),
                List.of(),
                MqttOptions.DEFAULT,
                List.of(),
                "info");
        WyzeCloud account = WyzeCloud.create(noAccount, dataDir);
        // The ingress proxy (on loopback) is the only allowed caller, as the Supervisor is in the add-on.
        WebSettings web = new WebSettings("127.0.0.1", 0, List.of("127.0.0.1"), false, dataDir);
        bridge = TestBridge.start(options, dataDir, account, account, web, SEED);
        proxy = new IngressProxy(bridge.webPort());
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
        if (bridge != null) {
            bridge.close();
        }
        if (cloudServer != null) {
            cloudServer.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (logs != null) {
            logs.close();
        }
        product.setLevel(productLevel);
        TempTrees.delete(dataDir, userDataDir);
    }

    @Test
    @Order(1)
    void withoutAnAccountThePageShowsNoCamerasAndSaysWhy() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Pages.text(driver, "#feed-state").equals("live"));

        assertThat(driver.getCurrentUrl()).endsWith(IngressProxy.PREFIX + "/");
        assertThat(driver.findElement(By.tagName("base")).getAttribute("href")).endsWith(IngressProxy.PREFIX + "/");
        assertThat(bridge.cameras().cameras()).isEmpty();
        assertThat(driver.findElement(By.id("no-cameras")).isDisplayed()).isTrue();
        assertThat(Pages.text(driver, "#bridge-cloud")).startsWith("not_configured");
        assertThat(Pages.text(driver, "#cred-password-state")).isEqualTo("not set");
        assertThat(Pages.text(driver, "#account-source")).isEqualTo("Active credentials: none yet");
        assertThat(Pages.text(driver, "#bridge-mqtt")).startsWith("MQTT is off");
        assertThat(cloud.calls(FakeWyzeCloud.LOGIN)).isZero();
    }

    @Test
    @Order(2)
    void savingTheAccountOnThePageBringsTheCamerasToStreamingWithoutReload() throws Exception {
        Pages.js(driver, "window.__notReloaded = 'yes';");
        Pages.type(driver, "email", FakeWyzeCloud.EMAIL);
        Pages.type(driver, "password", FakeWyzeCloud.PASSWORD);
        Pages.type(driver, "api_id", FakeWyzeCloud.KEY_ID);
        Pages.type(driver, "api_key", FakeWyzeCloud.API_KEY);
        driver.findElement(By.id("cred-save")).click();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Pages.text(driver, "#cred-result").startsWith("Saved."));
        assertThat(Pages.text(driver, "#cred-result")).contains("Signed in to Wyze as " + FakeWyzeCloud.EMAIL);
        assertThat(Pages.text(driver, "#cred-password-state")).isEqualTo("set");
        assertThat(Pages.text(driver, "#account-source")).isEqualTo("Active credentials: this page");
        assertThat(driver.findElement(By.name("password")).getAttribute("value"))
                .isEmpty();

        // The supervisor is still backing off after "no account"; saving refreshes the list at once.
        await().atMost(Duration.ofSeconds(15)).until(() -> cards().size() == 3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> logs.lines().stream()
                        .anyMatch(l -> l.contains(
                                "Camera list after saving the account: The account has 3 GWell" + " cameras.")));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Pages.text(driver, card(slug(0)) + " .status").equals("streaming")
                        && Pages.text(driver, card(slug(1)) + " .status").equals("streaming"));
        assertThat(Pages.js(driver, "return window.__notReloaded;")).isEqualTo("yes");
        assertThat(Pages.text(driver, "#bridge-cloud")).startsWith("ok");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Pages.text(driver, "#bridge-cameras").startsWith("3 total, ")
                        && Pages.text(driver, "#bridge-cameras").contains(", 2 streaming, "));
        assertThat(cloud.calls(FakeWyzeCloud.LOGIN)).isEqualTo(1);
        Path saved = dataDir.resolve(WyzeCloud.ACCOUNT_FILE);
        assertThat(saved).exists();
        if (saved.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)))
                    .isEqualTo("rw-------");
        }
        assertThat(cloud.marsDevices())
                .containsAll(
                        sim.cameraInfos().stream().map(SimCameraInfo::deviceId).toList());
        assertThat(cloud.violations()).isEmpty();
        // Only the camera the P2P server does not know is refused; the real ones pass every check.
        assertThat(sim.violations().all())
                .allSatisfy(v -> assertThat(v.kind()).isEqualTo(ViolationKind.CERTIFY_UNKNOWN_ACCOUNT));
    }

    @Test
    @Order(3)
    void aStreamingCardShowsTheCameraAsTheStackSeesIt() {
        SimCameraInfo info = sim.cameraInfos().get(0);
        CameraState state = bridge.cameras().find(info.deviceId()).orElseThrow();
        String card = card(state.slug());

        assertThat(Pages.text(driver, card + " .name")).isEqualTo(info.name());
        assertThat(Pages.text(driver, card + " [data-field='slug']")).isEqualTo(state.slug());
        assertThat(Pages.text(driver, card + " [data-field='model']"))
                .contains("(" + CameraId.of(info.deviceId()).modelId() + ")");
        assertThat(Pages.text(driver, card + " [data-field='firmware']")).isEqualTo("1.0.0.1");
        assertThat(Pages.text(driver, card + " [data-field='device']")).startsWith(info.deviceId() + " / ");
        assertThat(Pages.text(driver, card + " [data-field='lan_ip']")).isEqualTo("127.0.0.1");
        assertThat(Pages.text(driver, card + " [data-field='transport']")).isEqualTo("lan (lan_udp)");
        assertThat(Pages.text(driver, card + " [data-field='switch']")).isEqualTo("ON, always");
        assertThat(Pages.text(driver, card + " [data-field='reconnects']")).isEqualTo("0");
        assertThat(Pages.text(driver, card + " .url.rtsp"))
                .isEqualTo("rtsp://127.0.0.1:" + rtspPort + "/" + state.slug());
        // Live figures arrive with the page feed's figures check (every 5 s).
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Pages.text(driver, card + " [data-field='frame']").matches("[0-9.]+ s ago")
                        && !Pages.text(driver, card + " [data-field='rate']").startsWith("0 fps"));
        assertThat(Pages.text(driver, card + " .message")).isEqualTo("Streaming over the LAN (lan_udp).");
        String snippets =
                (String) Pages.js(driver, "return document.querySelector(\"" + card + " .snippets\").textContent;");
        assertThat(snippets).contains("rtsp://127.0.0.1:" + rtspPort + "/" + state.slug());
    }

    @Test
    @Order(4)
    void theSnapshotButtonShowsTheCamerasPicture() {
        String card = card(slug(0));

        driver.findElement(By.cssSelector(card + " button.snap")).click();

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Boolean.TRUE.equals(Pages.js(
                        driver,
                        "var i = document.querySelector(\"" + card
                                + " img.snapshot\"); return i.complete && i.naturalWidth > 0 && !i.hidden;")));
        assertThat(Pages.text(driver, card + " .result")).isNotEmpty().doesNotStartWith("snapshot…");
        assertThat(bridge.cameras()
                        .latestSnapshot(CameraId.of(sim.cameraInfos().get(0).deviceId()))
                        .orElseThrow())
                .startsWith(0xFF, 0xD8);

        // A newer snapshot replaces the picture in place (the feed hands out a fresh URL).
        String first = snapshotSrc(card);
        driver.findElement(By.cssSelector(card + " button.snap")).click();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !snapshotSrc(card).equals(first));
        assertThat(snapshotSrc(card))
                .contains("api/cameras/" + sim.cameraInfos().get(0).deviceId() + "/snapshot.jpg");
    }

    private String snapshotSrc(String card) {
        return (String) Pages.js(driver, "return document.querySelector(\"" + card + " img.snapshot\").src;");
    }

    @Test
    @Order(5)
    void theLiveViewPlaysTheBridgesOwnHlsThroughTheIngressPrefix() throws Exception {
        String card = card(slug(0));
        // The player would wait and retry on a 404; a playlist with a segment makes the start prompt.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            HttpResponse<String> r = get("hls/" + slug(0) + "/index.m3u8");
            return r.statusCode() == 200 && r.body().contains("#EXTINF");
        });

        driver.findElement(By.cssSelector(card + " button.watch")).click();

        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Pages.liveViewTime(driver) > 1.0);
        double first = Pages.liveViewTime(driver);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Pages.liveViewTime(driver) > first + 1.5);
        WebElement video = driver.findElement(By.id("live-video"));
        assertThat(video.getAttribute("data-slug")).isEqualTo(slug(0));
        assertThat(((Number) Pages.js(driver, "return document.getElementById('live-video').videoWidth;")).intValue())
                .isPositive();
        String src = (String) Pages.js(
                driver,
                "return performance.getEntriesByType('resource').map(e => e.name)"
                        + ".filter(n => n.includes('index.m3u8')).pop() || '';");
        assertThat(src).contains(IngressProxy.PREFIX + "/hls/" + slug(0) + "/index.m3u8");
        System.out.println("Live view of the real stack played " + Pages.liveViewTime(driver) + " s");
    }

    @Test
    @Order(6)
    void restartReconnectsAndStopTurnsTheCameraIdleLive() {
        Pages.js(driver, "window.__notReloaded = 'still';");
        String slug = slug(1);

        driver.findElement(By.cssSelector(card(slug) + " button.restart")).click();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Pages.text(driver, card(slug) + " [data-field='reconnects']")
                                .equals("1")
                        && Pages.text(driver, card(slug) + " .status").equals("streaming"));

        driver.findElement(By.cssSelector(card(slug) + " button.stop")).click();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Pages.text(driver, card(slug) + " .status").equals("idle"));
        assertThat(Pages.text(driver, card(slug) + " [data-field='switch']")).startsWith("OFF");
        assertThat(Pages.text(driver, card(slug) + " .message")).isEqualTo("The stream is switched off.");
        assertThat(Pages.text(driver, card(slug) + " .result")).isNotEmpty().doesNotEndWith("…");
        assertThat(bridge.cameras().find(slug).orElseThrow().status()).isEqualTo(CameraStatus.IDLE);
        assertThat(Pages.text(driver, card(slug(0)) + " .status")).isEqualTo("streaming");
        assertThat(Pages.js(driver, "return window.__notReloaded;")).isEqualTo("still");
    }

    @Test
    @Order(7)
    void aWrongPasswordIsRefusedWithTheExactReasonWhileTheCamerasCarryOn() {
        Pages.type(driver, "password", WRONG_PASSWORD);
        driver.findElement(By.id("cred-save")).click();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Pages.text(driver, "#cred-result").startsWith("bad_credentials: "));
        assertThat(Pages.text(driver, "#cred-result")).doesNotContain(WRONG_PASSWORD);
        assertThat(Pages.text(driver, "#cred-password-state")).isEqualTo("set");
        assertThat(cloud.calls(FakeWyzeCloud.LOGIN)).isEqualTo(2);
        // The typo says nothing about the stored account, which stays signed in.
        assertThat(Pages.text(driver, "#account-auth")).startsWith("Wyze login: ok");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Pages.text(driver, "#bridge-cloud").startsWith("ok: "));
        assertThat(Pages.text(driver, card(slug(0)) + " .status")).isEqualTo("streaming");
        assertThat(bridge.cameras().find(slug(0)).orElseThrow().status()).isEqualTo(CameraStatus.STREAMING);
    }

    @Test
    @Order(8)
    void aCameraTheServerRefusesShowsWhyInPlainWords() {
        String card = card(GHOST_SLUG);

        // It cycles through reconnecting and backoff; the backoff card says why and when it retries.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String shown =
                            Pages.text(driver, card + " .status") + " | " + Pages.text(driver, card + " .message");
                    return shown.startsWith("backoff | " + FailureReason.AUTH.message())
                            && shown.contains("Next attempt in");
                });
        assertThat(Pages.text(driver, card + " .name")).isEqualTo("Ghost Porch");
        assertThat(Pages.text(driver, card + " [data-field='transport']")).isEqualTo("none");
        // Recent events (rendered text collapses the double spaces between the columns).
        assertThat(Pages.text(driver, "#events")).contains(slug(0) + " stream_started", slug(1) + " stream_stopped");
        assertThat(bridge.cameras().find(GHOST_SLUG).orElseThrow().failure()).contains(FailureReason.AUTH);
    }

    @Test
    @Order(9)
    void theBridgePanelActionsAndDiagnosticsWork() throws Exception {
        driver.findElement(By.id("refresh")).click();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Pages.text(driver, "#bridge-result").startsWith("The account has"));
        assertThat(Pages.text(driver, "#bridge-result")).isEqualTo("The account has 3 GWell cameras.");

        driver.findElement(By.id("announce")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Pages.text(driver, "#bridge-result").startsWith("mqtt_off: "));

        driver.findElement(By.id("load-log")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> driver.findElement(By.id("log-tail")).isDisplayed()
                        && Pages.text(driver, "#log-tail").contains("Signed in to Wyze as " + FakeWyzeCloud.EMAIL));
        assertThat(Pages.text(driver, "#log-tail")).contains("streaming over lan_udp");

        String topics = (String) Pages.js(driver, "return document.getElementById('topics').textContent;");
        assertThat(topics)
                .contains(
                        "wyzegw/bridge/request/<action>",
                        "restart_streams",
                        "wyzegw/" + slug(0) + "/stream/set",
                        "wyzegw/" + slug(0) + "/quality/state",
                        "wyzegw/" + slug(0) + "/stats",
                        "wyzegw/" + slug(0) + "/info",
                        "wyzegw/" + GHOST_SLUG + "/status");

        String bundleHref = driver.findElement(By.id("debug-bundle")).getAttribute("href");
        assertThat(bundleHref).isEqualTo(proxy.pageUrl() + "api/debug-bundle");
        HttpResponse<String> bundle = get("api/debug-bundle");
        assertThat(bundle.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"gwell-bridge-debug-");
        assertThat(bundle.body()).contains("\"kind\":\"gwell-bridge debug bundle\"", GHOST_SLUG, slug(0));

        HttpResponse<String> health = get("healthz");
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(10)
    void writesAScreenshotAndNoSecretAppearsAnywhere() throws Exception {
        // The whole page, not just the window: bridge panel, account, live view, cards and diagnostics.
        Map<String, Object> shot = ((ChromiumDriver) driver)
                .executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, png);
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
        assertThat(Files.readAllBytes(SCREENSHOT)).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);

        StringBuilder seen = new StringBuilder(driver.getPageSource());
        for (String route : List.of("api/cameras", "api/health", "api/account", "api/logs", "api/debug-bundle")) {
            HttpResponse<String> r = get(route);
            assertThat(r.statusCode()).as(route).isEqualTo(200);
            seen.append(r.body());
        }
        try (SseReader feed = new SseReader(http, URI.create(proxy.pageUrl() + "api/events"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> feed.messages.size() >= 3);
            feed.messages.forEach(m -> seen.append(m.data()));
        }
        String everything = seen.toString();
        assertThat(everything).contains(slug(0), "api/cameras/");
        List<String> secrets = secrets();
        assertThat(everything).doesNotContain(secrets);
        assertThat(bridge.logTail()).isNotEmpty().noneSatisfy(l -> assertThat(l).containsAnyOf(secretArray()));
        assertThat(logs.lines())
                .anySatisfy(
                        l -> assertThat(l).contains("test-admin (8f1c0ffee)").contains("submitted Wyze credentials"))
                .noneSatisfy(l -> assertThat(l).containsAnyOf(secretArray()));
        // The wrong password and "announce" with MQTT off are the error answers the page was meant to get.
        List<String> console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.matches(".*/api/(credentials|announce) - Failed to load resource: the server"
                        + " responded with a status of 409 .*"))
                .toList();
        assertThat(console).isEmpty();
        System.out.println("Screenshot of the page on the real stack: " + SCREENSHOT.toAbsolutePath() + " ("
                + Files.size(SCREENSHOT) + " bytes); cards " + statuses() + " ("
                + Pages.text(driver, card(GHOST_SLUG) + " .message")
                + "); log lines checked "
                + logs.lines().size());
    }

    /** The test passwords (and their login hashes), the API key and its id, the cloud's and the P2P tokens. */
    private List<String> secrets() {
        List<String> all = new ArrayList<>(
                List.of(FakeWyzeCloud.PASSWORD, WRONG_PASSWORD, FakeWyzeCloud.API_KEY, FakeWyzeCloud.KEY_ID));
        all.addAll(cloud.issuedTokens());
        // The login sends the password as a triple MD5, which is as good as the password.
        all.add(FakeWyzeCloud.tripleMd5(FakeWyzeCloud.PASSWORD));
        all.add(FakeWyzeCloud.tripleMd5(WRONG_PASSWORD));
        all.add(GHOST_TOKEN);
        for (SimCameraInfo c : sim.cameraInfos()) {
            all.add(c.accessToken());
            // Both halves of the token travel separately on the wire; neither may be shown.
            all.add(c.accessToken().substring(0, 128));
        }
        assertThat(all).hasSizeGreaterThan(4 + 2 + 2);
        return all;
    }

    private String[] secretArray() {
        return secrets().toArray(String[]::new);
    }

    private HttpResponse<String> get(String route) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(proxy.pageUrl() + route))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String slug(int index) {
        return bridge.cameras()
                .find(sim.cameraInfos().get(index).deviceId())
                .orElseThrow()
                .slug();
    }

    private static String card(String slug) {
        return "article[data-slug='" + slug + "']";
    }

    private List<WebElement> cards() {
        return driver.findElements(By.cssSelector("#cameras article.card"));
    }

    private List<String> statuses() {
        List<String> out = new ArrayList<>();
        for (WebElement c : cards()) {
            out.add(c.findElement(By.cssSelector(".status")).getText().trim());
        }
        return out;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
