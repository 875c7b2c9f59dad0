package dev.gwellbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gwellbridge.camera.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The stack the full-stack tests build on: two simulated cameras reach `streaming` with HLS. */
@Timeout(120)
class SimStackIT {

    @Test
    void twoSimulatedCamerasStreamThroughSessionsSupervisorAndFfmpeg(@TempDir Path dir) throws Exception {
        try (SimStack stack = SimStack.builder(dir).cameras(2).build().start()) {
            await().atMost(Duration.ofSeconds(45)).until(stack::allStreaming);
            assertThat(stack.camera(0).orElseThrow().transport()).isEqualTo(Transport.LAN_UDP);
            String slug = stack.camera(1).orElseThrow().slug();
            Path playlist = dir.resolve("hls").resolve(slug).resolve("index.m3u8");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(playlist));
            assertThat(stack.simulator().violations().all()).isEmpty();
        }
    }
}
