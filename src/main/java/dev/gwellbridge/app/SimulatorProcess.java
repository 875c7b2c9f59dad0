package dev.gwellbridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code simulate} command of this very build run as a child process, so its CPU time and memory
 * are not the benchmark's: started with a Java launcher and class path like ours, ready once it
 * prints its JSON line, stopped with SIGTERM.
 */
final class SimulatorProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long READY_SECONDS = 60;

    private final Process process;
    private final Thread reaper;
    private final String server;
    private final List<Camera> cameras;

    /** One simulated camera as the ready line names it. */
    record Camera(String deviceId, String accessId, String accessToken, String lanIp) {
        @Override
        public String toString() {
            return "Camera[" + deviceId + "]";
        }
    }

    private SimulatorProcess(Process process, String server, List<Camera> cameras) {
        this.process = process;
        // A benchmark stopped with Ctrl-C or SIGTERM must not leave its simulator running.
        this.reaper = new Thread(process::destroyForcibly, "bench-sim-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        this.server = server;
        this.cameras = List.copyOf(cameras);
    }

    /**
     * Starts {@code simulate} with {@code simulateArgs} and waits for its ready line.
     *
     * @param log where the child's stderr goes
     */
    static SimulatorProcess start(List<String> simulateArgs, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("simulate");
        cmd.addAll(simulateArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectError(log.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        line.complete(reader.readLine());
                    } catch (IOException e) {
                        line.completeExceptionally(e);
                    }
                },
                "bench-sim-stdout");
        t.setDaemon(true);
        t.start();
        try {
            String ready = line.get(READY_SECONDS, TimeUnit.SECONDS);
            if (ready == null) {
                throw new IOException("the simulator ended before it was ready: " + lastLine(log));
            }
            return parse(p, ready);
        } catch (ExecutionException | TimeoutException | IOException e) {
            p.destroyForcibly();
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException(
                    "the simulator did not become ready within " + READY_SECONDS + " s: " + lastLine(log), e);
        }
    }

    private static SimulatorProcess parse(Process p, String ready) throws IOException {
        JsonNode root = JSON.readTree(ready);
        List<Camera> cams = new ArrayList<>();
        for (JsonNode c : root.path("cameras")) {
            cams.add(new Camera(
                    c.path("device_id").asText(),
                    c.path("access_id").asText(),
                    c.path("access_token").asText(),
                    c.path("lan_ip").asText()));
        }
        String server = root.path("server").asText("");
        if (server.isEmpty() || cams.isEmpty()) {
            throw new IOException("the simulator's ready line names no server or cameras");
        }
        return new SimulatorProcess(p, server, cams);
    }

    /** The P2P server as HOST:PORT. */
    String server() {
        return server;
    }

    List<Camera> cameras() {
        return cameras;
    }

    /**
     * Stops the child with SIGTERM (SIGKILL after 10 s). An interrupt kills it at once and stays
     * set.
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // Shutting down already: the hook stops the child.
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "(no log)" : lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "(no log: " + e.getMessage().toLowerCase(Locale.ROOT) + ")";
        }
    }
}
