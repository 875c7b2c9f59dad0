package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The add-on's start script, run by the system shell with jq, with stand-ins for mediamtx and the
 * JVM that record how they were started and how they were stopped.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunScriptIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCRIPT = AddonFiles.ROOT.resolve("addon/run.sh");
    private static final Path TEMPLATE = AddonFiles.ROOT.resolve("addon/mediamtx.yml");

    @TempDir
    Path dir;

    private Process process;

    @BeforeEach
    void writeStandIns() throws IOException {
        script("mediamtx", """
                #!/bin/sh
                echo "start $1" >>"$GWELL_TEST_DIR/mediamtx.log"
                if [ -f "$GWELL_TEST_DIR/crash-once" ]; then rm -f "$GWELL_TEST_DIR/crash-once"; exit 3; fi
                trap 'echo stopped >>"$GWELL_TEST_DIR/mediamtx.log"; exit 0' TERM INT
                while :; do sleep 0.1; done
                """);
        script("java", """
                #!/bin/sh
                echo $$ >"$GWELL_TEST_DIR/java.pid"
                echo "$GWELL_LOG_LEVEL" >"$GWELL_TEST_DIR/java.env"
                printf '%s\\n' "$@" >"$GWELL_TEST_DIR/java.args.tmp"
                mv "$GWELL_TEST_DIR/java.args.tmp" "$GWELL_TEST_DIR/java.args"
                if [ -n "${FAKE_JAVA_EXIT:-}" ]; then exit "$FAKE_JAVA_EXIT"; fi
                trap 'echo term >>"$GWELL_TEST_DIR/java.log"; exit 0' TERM
                while :; do sleep 0.1; done
                """);
    }

    @AfterEach
    void stopEverythingStartedHere() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String mine = dir.toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(mine)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void startsMediamtxOnTheOptionPortsAndReplacesItselfWithTheBridge() throws Exception {
        options("{\"rtsp_port\": 18554, \"hls_port\": 18888, \"log_level\": \"debug\"}");
        start(Map.of());
        await().atMost(WAIT).until(() -> Files.exists(dir.resolve("java.args")));

        assertThat(Files.readAllLines(dir.resolve("java.args")))
                .containsExactly(
                        "-XX:+UseSerialGC",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-jar",
                        dir.resolve("app.jar").toString(),
                        "run",
                        "--options",
                        dir.resolve("options.json").toString(),
                        "--data-dir",
                        dir.resolve("data").toString());
        assertThat(Long.parseLong(read("java.pid").strip()))
                .as("the bridge runs in the script's own process, so SIGTERM reaches it directly")
                .isEqualTo(process.pid());
        assertThat(read("java.env").strip()).isEqualTo("DEBUG");

        String config = read("run/mediamtx.yml");
        assertThat(config)
                .contains("rtspAddress: :18554\n", "hlsAddress: :18888\n", "logLevel: debug\n")
                .doesNotContain("@");
        await().atMost(WAIT).until(() -> read("mediamtx.log").contains("start " + dir.resolve("run/mediamtx.yml")));
    }

    @Test
    void restartsMediamtxWhenItExits() throws Exception {
        Files.writeString(dir.resolve("crash-once"), "");
        options("{}");
        start(Map.of());
        await().atMost(WAIT)
                .until(() -> read("mediamtx.log")
                                .lines()
                                .filter(l -> l.startsWith("start"))
                                .count()
                        == 2);
        assertThat(Files.exists(dir.resolve("crash-once"))).isFalse();
        assertThat(read("stderr.txt")).contains("mediamtx exited with status 3; restarting in 0s");
        assertThat(process.isAlive()).isTrue();
    }

    @Test
    void sigtermStopsTheBridgeAndThenMediamtx() throws Exception {
        options("{}");
        start(Map.of());
        await().atMost(WAIT).until(() -> read("mediamtx.log").contains("start"));
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(read("java.log")).isEqualTo("term\n");
        await().atMost(WAIT).until(() -> read("mediamtx.log").contains("stopped"));
    }

    @Test
    void theBridgesExitStatusIsTheScriptsAndMediamtxDoesNotOutliveIt() throws Exception {
        options("{}");
        start(Map.of("FAKE_JAVA_EXIT", "7"));
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(7);
        String mine = dir.resolve("mediamtx").toString();
        await().atMost(WAIT)
                .until(() -> ProcessHandle.allProcesses()
                        .noneMatch(p -> p.info()
                                .commandLine()
                                .map(c -> c.contains(mine))
                                .orElse(false)));
    }

    @Test
    void choosesTheSamePortsAsTheOptionsLoaderForBadValues() throws Exception {
        List<String> cases = List.of(
                "{\"rtsp_port\": \"x\", \"hls_port\": 8097}",
                "{\"rtsp_port\": 9000, \"hls_port\": 9000}",
                "{\"rtsp_port\": 8888}",
                "{\"hls_port\": 8554}",
                "{\"rtsp_port\": 70000, \"hls_port\": \"9100\"}",
                "{\"rtsp_port\": 8097}",
                "{not json",
                "[1, 2]",
                "");
        for (String json : cases) {
            Files.deleteIfExists(dir.resolve("run/mediamtx.yml"));
            options(json);
            start(Map.of("FAKE_JAVA_EXIT", "0"));
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            Options loaded = OptionsLoader.load(dir.resolve("options.json")).options();
            String config = read("run/mediamtx.yml");
            assertThat(port(config, "rtspAddress")).as(json).isEqualTo(loaded.rtspPort());
            assertThat(port(config, "hlsAddress")).as(json).isEqualTo(loaded.hlsPort());
        }
    }

    private void start(Map<String, String> extra) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", SCRIPT.toString());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_OPTS");
        env.put("GWELL_TEST_DIR", dir.toString());
        env.put("GWELL_OPTIONS", dir.resolve("options.json").toString());
        env.put("GWELL_DATA_DIR", dir.resolve("data").toString());
        env.put("GWELL_JAR", dir.resolve("app.jar").toString());
        env.put("GWELL_JAVA", dir.resolve("java").toString());
        env.put("GWELL_MEDIAMTX", dir.resolve("mediamtx").toString());
        env.put("GWELL_MEDIAMTX_TEMPLATE", TEMPLATE.toString());
        env.put("GWELL_RUN_DIR", dir.resolve("run").toString());
        env.put("GWELL_WATCH_INTERVAL", "0.1");
        env.put("GWELL_RESTART_DELAY", "0");
        env.putAll(extra);
        pb.redirectOutput(dir.resolve("stdout.txt").toFile());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        process = pb.start();
    }

    private void options(String json) throws IOException {
        Files.writeString(dir.resolve("options.json"), json);
    }

    private void script(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    }

    private String read(String name) throws IOException {
        Path p = dir.resolve(name);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    private static int port(String config, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ": :(\\d+)$").matcher(config);
        assertThat(m.find()).as(key + " in " + config).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
