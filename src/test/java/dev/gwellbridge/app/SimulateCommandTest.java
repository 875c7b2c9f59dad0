package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwellbridge.sim.Impairment;
import dev.gwellbridge.sim.SimCameraInfo;
import dev.gwellbridge.sim.SimMode;
import dev.gwellbridge.sim.SimulatorConfig;
import dev.gwellbridge.sim.Violation;
import dev.gwellbridge.sim.ViolationKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Options and the ready line of {@code simulate} (the process itself runs in SimulateCommandIT). */
class SimulateCommandTest {
    private static SimulatorConfig parse(String... argv) throws UsageException {
        Args args = Args.parse(List.of(argv), Set.of("no-loop"));
        SimulatorConfig c = SimulateCommand.config(args);
        args.rejectUnknown();
        return c;
    }

    @Test
    void isABuiltInCommand() {
        assertThat(Main.builtIn()).extracting(Subcommand::name).contains("simulate");
    }

    @Test
    void defaultsToOneLanCameraOnLoopbackWithAFreePort() throws Exception {
        SimulatorConfig c = parse();
        assertThat(c.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(c.serverPort()).isZero();
        assertThat(c.cameras()).isEqualTo(1);
        assertThat(c.mode()).isEqualTo(SimMode.LAN);
        assertThat(c.seed()).isEqualTo(1);
        assertThat(c.h264()).isEmpty();
        assertThat(c.serverImpairment()).isEqualTo(Impairment.NONE);
        assertThat(c.cameraBehaviour().loopSource()).isTrue();
    }

    @Test
    void readsEveryOption() throws Exception {
        SimulatorConfig c = parse(
                "--bind",
                "127.0.0.2",
                "--server-port",
                "28800",
                "--cameras",
                "3",
                "--h264",
                "clip.h264",
                "--mode",
                "relay-only",
                "--loss",
                "7.5",
                "--seed",
                "-42",
                "--cache-dir",
                "cache",
                "--no-loop");
        assertThat(c.bindAddress().getHostAddress()).isEqualTo("127.0.0.2");
        assertThat(c.serverPort()).isEqualTo(28_800);
        assertThat(c.cameras()).isEqualTo(3);
        assertThat(c.h264()).contains(Path.of("clip.h264"));
        assertThat(c.mode()).isEqualTo(SimMode.RELAY_ONLY);
        assertThat(c.serverImpairment()).isEqualTo(Impairment.loss(7.5));
        assertThat(c.cameraImpairment(2)).isEqualTo(Impairment.loss(7.5));
        assertThat(c.seed()).isEqualTo(-42);
        assertThat(c.cacheDir()).isEqualTo(Path.of("cache"));
        assertThat(c.cameraBehaviour().loopSource()).isFalse();
    }

    @Test
    void duplicationAndReorderingApplyToServerAndCamerasTogetherWithLoss() throws Exception {
        SimulatorConfig c = parse("--loss", "3", "--dup", "5", "--reorder", "4");
        Impairment expected = Impairment.loss(3).withDuplication(5).withReorderWindow(4);
        assertThat(c.serverImpairment()).isEqualTo(expected);
        assertThat(c.cameraImpairment(0)).isEqualTo(expected);

        SimulatorConfig dupOnly = parse("--dup", "2.5");
        assertThat(dupOnly.serverImpairment()).isEqualTo(Impairment.NONE.withDuplication(2.5));
    }

    @Test
    void violationsAreWrittenAsAJsonArray() throws Exception {
        String json = SimulateCommand.violationsJson(List.of(
                new Violation(ViolationKind.METER_GAP, "GW_GC1_0A1B2C3D4E5F", 4_200, "no meter for 3.5 s"),
                new Violation(ViolationKind.KCP_TO_SERVER, "server", 17, "KCP segment")));
        JsonNode list = new ObjectMapper().readTree(json);
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("kind").asText()).isEqualTo("METER_GAP");
        assertThat(list.get(0).get("peer").asText()).isEqualTo("GW_GC1_0A1B2C3D4E5F");
        assertThat(list.get(0).get("at_ms").asLong()).isEqualTo(4_200);
        assertThat(list.get(0).get("detail").asText()).isEqualTo("no meter for 3.5 s");
        assertThat(list.get(1).get("kind").asText()).isEqualTo("KCP_TO_SERVER");
        assertThat(SimulateCommand.violationsJson(List.of())).isEqualTo("[]");
    }

    @Test
    void badValuesNameTheirOption() {
        assertThatThrownBy(() -> parse("--dup", "101")).hasMessageContaining("--dup");
        assertThatThrownBy(() -> parse("--reorder", "-1")).hasMessageContaining("--reorder");
        assertThatThrownBy(() -> parse("--mode", "wifi")).hasMessageContaining("--mode");
        assertThatThrownBy(() -> parse("--bind", "localhost")).hasMessageContaining("--bind");
        assertThatThrownBy(() -> parse("--loss", "120")).hasMessageContaining("--loss");
        assertThatThrownBy(() -> parse("--cameras", "0")).hasMessageContaining("--cameras");
        assertThatThrownBy(() -> parse("--seed", "x")).hasMessageContaining("--seed");
        assertThatThrownBy(() -> parse("--server-port", "70000")).hasMessageContaining("--server-port");
        assertThatThrownBy(() -> parse("--colour", "red")).hasMessageContaining("--colour");
    }

    @Test
    void theReadyLineIsOneJsonObjectWithTheServerAndEveryCamera() throws Exception {
        InetAddress lo = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        SimCameraInfo cam = new SimCameraInfo(
                "Sim camera 1",
                "GW_GC1_0A1B2C3D4E5F",
                7,
                "-5",
                "ab".repeat(64) + "AAAA",
                new InetSocketAddress(lo, 4242));
        String line = SimulateCommand.readyLine(new InetSocketAddress(lo, 28_800), List.of(cam));
        assertThat(line).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("server").asText()).isEqualTo("127.0.0.1:28800");
        JsonNode c = json.get("cameras").get(0);
        assertThat(c.get("name").asText()).isEqualTo("Sim camera 1");
        assertThat(c.get("device_id").asText()).isEqualTo("GW_GC1_0A1B2C3D4E5F");
        assertThat(c.get("access_id").asText()).isEqualTo("-5");
        assertThat(c.get("access_token").asText()).isEqualTo("ab".repeat(64) + "AAAA");
        assertThat(c.get("lan_ip").asText()).isEqualTo("127.0.0.1");
        assertThat(c.get("lan_port").asInt()).isEqualTo(4242);
        assertThat(json.fieldNames()).toIterable().containsExactly("server", "cameras");
    }
}
