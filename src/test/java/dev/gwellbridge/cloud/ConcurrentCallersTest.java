package dev.gwellbridge.cloud;

import static dev.gwellbridge.cloud.FakeWyzeCloud.DEVICES;
import static dev.gwellbridge.cloud.FakeWyzeCloud.LOGIN;
import static dev.gwellbridge.cloud.FakeWyzeCloud.MARS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.P2pCredential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Supervisor workers call in parallel; the client still logs in once and mints once per device. */
class ConcurrentCallersTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void parallelCallersShareOneLoginOneListAndOneCredentialPerDevice() throws Exception {
        CloudHarness h = new CloudHarness(dir);
        WyzeCloud cloud = h.start();
        List<CameraId> ids = List.of(CameraId.of("GW_GC1_0A1B2C3D4E5F"), CameraId.of("GW_BE1_0A1B2C3D4E60"));
        CountDownLatch go = new CountDownLatch(1);
        Set<String> tokensById = ConcurrentHashMap.newKeySet();
        List<Throwable> errors = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            CameraId id = ids.get(i % 2);
            Thread t = new Thread(
                    () -> {
                        try {
                            go.await();
                            cloud.cameras(false);
                            P2pCredential c = cloud.credential(id, false);
                            tokensById.add(id + "=" + c.accessToken());
                        } catch (Exception | AssertionError e) {
                            synchronized (errors) {
                                errors.add(e);
                            }
                        }
                    },
                    "caller-" + i);
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(errors).isEmpty();
        assertThat(h.fake.calls(LOGIN)).isEqualTo(1);
        assertThat(h.fake.calls(DEVICES)).isEqualTo(1);
        assertThat(h.fake.calls(MARS)).isEqualTo(2);
        assertThat(tokensById).hasSize(2);
        assertThat(h.fake.violations()).isEmpty();
    }
}
