package dev.gwellbridge.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.gwellbridge.camera.AccountCredentials;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CredentialException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Runs the scenarios at DEBUG level and checks that no log line (as formatted, before redaction),
 * no exception message and no page message contains the password, its hash, the API key, the key id
 * or any token.
 */
class SecretsNeverLoggedTest {
    private static final CameraId GARAGE = CameraId.of("GW_GC1_0A1B2C3D4E5F");
    private static final String TOTP = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ours = (Logger) LoggerFactory.getLogger("dev.gwellbridge");
    private final List<String> messages = new ArrayList<>();
    private final Set<String> secrets = new HashSet<>();
    private Level previous;

    @BeforeEach
    void capture() {
        previous = ours.getLevel();
        ours.setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        ours.setLevel(previous);
    }

    private void attempt(ThrowingRunnable r) {
        try {
            r.run();
        } catch (CredentialException e) {
            messages.add(e.getMessage());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void noSecretReachesLogsExceptionsOrPageMessages() {
        CloudHarness h = new CloudHarness(dir.resolve("a"));
        WyzeCloud cloud = h.start();
        attempt(() -> cloud.cameras(false));
        attempt(() -> secrets.add(cloud.credential(GARAGE, false).accessToken()));
        h.fake.expireAllAccessTokens();
        attempt(() -> secrets.add(
                cloud.credential(CameraId.of("GW_BE1_0A1B2C3D4E60"), false).accessToken()));
        h.fake.expireAllAccessTokens();
        h.fake.refreshRejects = true;
        h.clock.advance(Duration.ofHours(1));
        attempt(() -> cloud.cameras(false));
        h.fake.mars401 = true;
        attempt(() -> cloud.credential(GARAGE, true));
        h.fake.mars401 = false;
        h.fake.marsErrorCode = 1008;
        h.clock.advance(Duration.ofHours(2));
        attempt(() -> cloud.credential(GARAGE, true));

        CloudHarness lists = new CloudHarness(dir.resolve("c"));
        WyzeCloud listCloud = lists.start();
        lists.fake.malformed.add(FakeWyzeCloud.DEVICES);
        attempt(() -> listCloud.cameras(true));
        lists.fake.malformed.clear();
        lists.fake.rateLimited = true;
        lists.clock.advance(Duration.ofHours(1));
        attempt(() -> listCloud.cameras(true));
        lists.fake.rateLimited = false;
        lists.fake.serverError = 503;
        lists.clock.advance(Duration.ofHours(1));
        attempt(() -> listCloud.cameras(true));

        CloudHarness page = new CloudHarness(dir.resolve("b"));
        page.options = CloudHarness.options("", "", "", "");
        WyzeCloud pageCloud = page.start();
        messages.add(pageCloud
                .testAndSave(new AccountCredentials(
                        FakeWyzeCloud.EMAIL,
                        "wrong-" + FakeWyzeCloud.PASSWORD,
                        FakeWyzeCloud.KEY_ID,
                        FakeWyzeCloud.API_KEY,
                        ""))
                .message());
        page.clock.advance(Duration.ofMinutes(1));
        page.fake.mfaRequired = true;
        messages.add(pageCloud
                .testAndSave(new AccountCredentials(
                        FakeWyzeCloud.EMAIL, FakeWyzeCloud.PASSWORD, FakeWyzeCloud.KEY_ID, FakeWyzeCloud.API_KEY, ""))
                .message());
        page.clock.advance(Duration.ofMinutes(2));
        page.fake.totpSecret = TOTP;
        messages.add(pageCloud
                .testAndSave(new AccountCredentials(FakeWyzeCloud.EMAIL, FakeWyzeCloud.PASSWORD, "", "", TOTP))
                .message());
        page.fake.loginMode = FakeWyzeCloud.LoginMode.TOO_MANY_ATTEMPTS;
        page.clock.advance(Duration.ofMinutes(5));
        messages.add(pageCloud
                .testAndSave(new AccountCredentials(FakeWyzeCloud.EMAIL, FakeWyzeCloud.PASSWORD, "", "", ""))
                .message());
        page.transport.down = true;
        attempt(() -> pageCloud.credential(GARAGE, true));
        messages.add(pageCloud.status().message());

        secrets.addAll(h.fake.issuedTokens());
        secrets.addAll(page.fake.issuedTokens());
        secrets.addAll(lists.fake.issuedTokens());
        secrets.add(FakeWyzeCloud.PASSWORD);
        secrets.add(FakeWyzeCloud.tripleMd5(FakeWyzeCloud.PASSWORD));
        secrets.add(FakeWyzeCloud.API_KEY);
        secrets.add(FakeWyzeCloud.KEY_ID);
        secrets.add(TOTP);

        List<String> logged = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            logged.add(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                logged.add(t.getMessage());
            }
        }
        assertThat(appender.list).as("the scenarios produced log lines").hasSizeGreaterThan(20);
        assertThat(messages).as("the scenarios produced messages").hasSizeGreaterThan(10);
        assertThat(secrets).hasSizeGreaterThan(8);
        for (String secret : secrets) {
            assertThat(logged).noneMatch(line -> line != null && line.contains(secret));
            assertThat(messages).noneMatch(m -> m != null && m.contains(secret));
        }
    }
}
