package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.camera.ConnectionStats;
import dev.gwellbridge.camera.CredentialException;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.StreamConnection;
import dev.gwellbridge.camera.StreamConnector;
import dev.gwellbridge.camera.StreamHandler;
import dev.gwellbridge.camera.StreamRequest;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.session.ConnectorSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code probe} with a scripted connector: options, output and the JSON summary. */
@Timeout(20)
class ProbeCommandTest {
    private static final String TOKEN = "052a4f7499bee3082d52779cc1e60b30557a9fc4e90e33587da2c7ec11365b80"
            + "a5caef14395e83a8cdf2173c6186abd0f51a3f6489aed3f81d42678cb1d6fb20";
    private static final String DEVICE = "GW_GC1_AABBCCDDEEFF";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<ConnectorSettings> settingsSeen = new ArrayList<>();
    private final List<StreamRequest> requests = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000);

    /** A connector that plays {@code script} on the handler, on the calling thread. */
    private ProbeCommand probe(Consumer<StreamHandler> script) {
        StreamConnector connector = (request, handler) -> {
            requests.add(request);
            script.accept(handler);
            return new StreamConnection() {
                @Override
                public ConnectionStats stats() {
                    return new ConnectionStats(Transport.LAN_UDP, 6, 40, 2, 1);
                }

                @Override
                public void close() {
                    handler.onEnded(null, "closed");
                }
            };
        };
        return new ProbeCommand(
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                clock::get,
                ProbeTarget::fromArgs,
                s -> {
                    settingsSeen.add(s);
                    return connector;
                },
                (latch, seconds) -> {});
    }

    private int run(ProbeCommand command, String... argv) {
        Main main = new Main(
                List.of(command),
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        List<String> all = new ArrayList<>(List.of("probe"));
        all.addAll(List.of(argv));
        return main.execute(all);
    }

    private JsonNode summary() throws Exception {
        List<String> lines =
                stderr.toString(StandardCharsets.UTF_8).strip().lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    private String[] args(String out, String... extra) {
        List<String> a = new ArrayList<>(List.of(
                "--device-id", DEVICE, "--access-id", "-1234567890123456789", "--access-token", TOKEN, "--out", out));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void writesTheVideoAndSummarisesASuccessfulSession() throws Exception {
        Path out = dir.resolve("cam.h264");
        ProbeCommand command = probe(h -> {
            h.onPhase("certify");
            clock.addAndGet(12);
            h.onPhase("streaming");
            h.onStreaming(Transport.LAN_UDP);
            clock.addAndGet(30);
            h.onVideo(new byte[] {9, 0, 0, 0, 1, 0x67, 7}, 1, 6);
        });
        int code = run(
                command,
                args(
                        out.toString(),
                        "--p2p-server",
                        "127.0.0.1:28800",
                        "--lan-ip",
                        "192.168.1.5",
                        "--allow-loopback",
                        "--seconds",
                        "1"));

        assertThat(code).isZero();
        assertThat(Files.readAllBytes(out)).containsExactly(0, 0, 0, 1, 0x67, 7);
        JsonNode s = summary();
        assertThat(s.get("device_id").asText()).isEqualTo(DEVICE);
        assertThat(s.get("phases").get(0).get("phase").asText()).isEqualTo("certify");
        assertThat(s.get("phases").get(0).get("ms").asLong()).isZero();
        assertThat(s.get("phases").get(1).get("ms").asLong()).isEqualTo(12);
        assertThat(s.get("first_video_ms").asLong()).isEqualTo(42);
        assertThat(s.get("transport").asText()).isEqualTo("lan_udp");
        assertThat(s.get("bytes").asLong()).isEqualTo(6);
        assertThat(s.get("packets").asLong()).isEqualTo(40);
        assertThat(s.get("kcp_retransmits").asLong()).isEqualTo(2);
        assertThat(s.get("malformed").asLong()).isEqualTo(1);
        assertThat(s.get("failure").isNull()).isTrue();
        assertThat(settingsSeen.get(0).p2pServer()).contains("127.0.0.1:28800");
        assertThat(settingsSeen.get(0).lanFilter().allowsLoopback()).isTrue();
        assertThat(requests.get(0).camera().lanIp()).isEqualTo("192.168.1.5");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
    }

    @Test
    void aSessionWithoutVideoExitsOneWithTheReason() throws Exception {
        ProbeCommand command = probe(h -> {
            h.onPhase("connect");
            h.onEnded(FailureReason.SERVER_UNREACHABLE, "no CertifyResp from 127.0.0.1:9 after 2 reads");
        });
        int code = run(command, args(dir.resolve("x.h264").toString()));

        assertThat(code).isEqualTo(1);
        JsonNode s = summary();
        assertThat(s.get("failure").get("reason").asText()).isEqualTo("server_unreachable");
        assertThat(s.get("failure").get("detail").asText()).contains("no CertifyResp");
        assertThat(s.get("bytes").asLong()).isZero();
        assertThat(settingsSeen.get(0).p2pServer()).isEmpty();
        assertThat(settingsSeen.get(0).lanFilter().allowsLoopback()).isFalse();
    }

    @Test
    void aDashWritesTheVideoToStdout() {
        ProbeCommand command = probe(h -> h.onVideo(new byte[] {1, 2, 3}, 0, 3));
        int code = run(command, args("-", "--seconds", "1"));

        assertThat(code).isZero();
        assertThat(stdout.toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void badOptionsAreRefusedWithAMessageNamingTheOption() {
        @SuppressWarnings("ArrayRecordComponent")
        record Case(String option, String message, String[] argv) {}
        List<Case> cases = List.of(
                new Case("--access-token", "accessToken has 10 characters", new String[] {
                    "--device-id", DEVICE, "--access-id", "1", "--access-token", "0123456789", "--out", "-"
                }),
                new Case("--access-token", "non-hex", new String[] {
                    "--device-id", DEVICE, "--access-id", "1", "--access-token", "z" + TOKEN.substring(1), "--out", "-"
                }),
                new Case("--access-id", "accessId", new String[] {
                    "--device-id", DEVICE, "--access-id", "12x", "--access-token", TOKEN, "--out", "-"
                }),
                new Case("--device-id", "GW_GC1_0A1B2C3D4E5F", new String[] {
                    "--device-id", "camera-1", "--access-id", "1", "--access-token", TOKEN, "--out", "-"
                }),
                new Case("--lan-ip", "192.168.1.50", new String[] {
                    "--device-id",
                    DEVICE,
                    "--access-id",
                    "1",
                    "--access-token",
                    TOKEN,
                    "--lan-ip",
                    "10.0.0",
                    "--out",
                    "-"
                }),
                new Case("--p2p-server", "HOST:PORT", new String[] {
                    "--device-id",
                    DEVICE,
                    "--access-id",
                    "1",
                    "--access-token",
                    TOKEN,
                    "--p2p-server",
                    "1.2.3.4",
                    "--out",
                    "-"
                }),
                new Case("--p2p-server", "HOST:PORT", new String[] {
                    "--device-id",
                    DEVICE,
                    "--access-id",
                    "1",
                    "--access-token",
                    TOKEN,
                    "--p2p-server",
                    "1.2.3.4:70000",
                    "--out",
                    "-"
                }),
                new Case("--seconds", "between", new String[] {
                    "--device-id", DEVICE, "--access-id", "1", "--access-token", TOKEN, "--seconds", "0", "--out", "-"
                }),
                new Case("--out", "required", new String[] {
                    "--device-id", DEVICE, "--access-id", "1", "--access-token", TOKEN
                }));
        for (Case c : cases) {
            stderr.reset();
            int code = run(probe(h -> {}), c.argv());
            String message = stderr.toString(StandardCharsets.UTF_8);
            assertThat(code).as(c.option()).isEqualTo(2);
            assertThat(message)
                    .as(c.option())
                    .contains(c.option())
                    .contains(c.message())
                    .doesNotContain(TOKEN);
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void aCloudRefusalWhileResolvingTheCameraExitsOneWithItsCodeAndOpensNoSession() {
        ProbeCommand command = new ProbeCommand(
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                clock::get,
                a -> {
                    throw new CredentialException("rate_limited", "Wyze asks to wait", null);
                },
                s -> {
                    settingsSeen.add(s);
                    return (request, handler) -> {
                        throw new AssertionError("no session without a target");
                    };
                },
                (latch, seconds) -> {});

        int code = run(
                command,
                "--from-cloud",
                "--camera",
                "Garage",
                "--out",
                dir.resolve("x.h264").toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("rate_limited")
                .contains("Wyze asks to wait");
        assertThat(settingsSeen).isEmpty();
    }

    @Test
    void theProbeIsABuiltInCommand() {
        assertThat(Main.builtIn()).anySatisfy(c -> assertThat(c.name()).isEqualTo("probe"));
        assertThat(ProbeCommand.standard().usage())
                .startsWith("probe ")
                .contains("--out")
                .contains("--from-cloud")
                .contains("--camera");
    }
}
