package dev.gwellbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The product's jar run as a real process, the way a user runs it: {@code java -jar gwell-bridge.jar
 * <args>} in a working folder, stdout and stderr captured to files there.
 */
public final class JarProcess implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private JarProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The jar Failsafe built (system property {@code gwell.jar}). */
    public static String jar() {
        String jar = System.getProperty("gwell.jar");
        assertThat(jar).as("system property gwell.jar (set by Failsafe)").isNotBlank();
        return jar;
    }

    /** Starts {@code java -jar <jar> args...} with {@code workDir} as the working folder. */
    public static JarProcess start(Path workDir, String... args) throws IOException {
        Files.createDirectories(workDir);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-jar");
        cmd.add(jar());
        cmd.addAll(List.of(args));
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().remove("SUPERVISOR_TOKEN");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        return new JarProcess(pb.start(), out, err);
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /**
     * Waits up to {@code limit} for the process to end by itself.
     *
     * @return its exit code
     * @throws AssertionError when it is still running after {@code limit}
     */
    public int awaitExit(Duration limit) throws InterruptedException {
        boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(exited)
                .as("exited by itself within %s; stderr:%n%s", limit, tail(stderr()))
                .isTrue();
        return process.exitValue();
    }

    /** The exit code of a process that has ended. */
    public int exitCode() {
        return process.exitValue();
    }

    /**
     * Sends SIGTERM (what the Supervisor sends to stop an add-on) and waits up to {@code limit}.
     *
     * @return how long the process took to exit
     * @throws AssertionError when it is still running after {@code limit}
     */
    public Duration terminate(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(exited)
                .as("exited within %s after SIGTERM; stderr:%n%s", limit, tail(stderr()))
                .isTrue();
        return took;
    }

    /** Sends SIGKILL (a crash, or a stop that ran out of time) and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS))
                .as("exited after SIGKILL")
                .isTrue();
    }

    /** The last lines of a text, for failure messages. */
    public static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
