package dev.gwellbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.wire.CertifyResp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Garbage at every entry of the simulator is dropped without harm; the peers keep working. */
class SimRobustnessTest {
    private static final int[] FIRST_BYTES = {0x7E, 0x7F, 0xC0, 0x00, 0xFF};
    private static final int[] SUBTYPES = {0x01, 0x0C, 0x0D, 0xA0, 0xA2, 0xA4, 0xA6, 0xB0, 0xB9, 0xCA, 0xCB, 0x25};

    /** A datagram that looks enough like a frame to reach the decoders. */
    private static byte[] garbage(SplittableRandom r) {
        byte[] d = new byte[r.nextInt(0, 300)];
        r.nextBytes(d);
        if (d.length > 0) {
            d[0] = (byte) FIRST_BYTES[r.nextInt(FIRST_BYTES.length)];
        }
        if (d.length > 3) {
            d[1] = (byte) SUBTYPES[r.nextInt(SUBTYPES.length)];
            if (r.nextBoolean()) {
                d[2] = (byte) d.length;
                d[3] = (byte) (d.length >>> 8);
            }
        }
        return d;
    }

    @Test
    void garbageEverywhereIsDroppedAndAViewerStillStreamsAfterwards() {
        SimHarness h = new SimHarness(
                SimulatorConfig.builder()
                        .cameras(2)
                        .cameraBehaviour(CameraBehaviour.DEFAULT.withLoopSource(false))
                        .build(),
                SimHarness.fixtureSource());
        SplittableRandom r = new SplittableRandom(99);
        RelayLink link = new RelayLink(1, SimHarness.client(9));
        for (int i = 0; i < 5_000; i++) {
            byte[] d = garbage(r);
            switch (i % 4) {
                case 0 -> h.toServer(SimHarness.client(2), d);
                case 1 -> h.toCamera(0, SimHarness.client(2), d);
                case 2 -> h.toCamera(1, SimHarness.client(3), d);
                default -> h.world.onTcpData(link, d, 0, d.length, h.now);
            }
            if (i % 100 == 0) {
                h.advance(5);
            }
        }
        h.out.take();

        VirtualViewer v = new VirtualViewer(h, 0, SimHarness.client(1), 4);
        CertifyResp resp = v.certify();
        assertThat(resp).isNotNull();
        assertThat(resp.success()).isTrue();
        v.initInfo();
        v.call();
        v.openKcp();
        v.initReq(77);
        v.sendStart();
        v.sendAvInit();
        for (int i = 0; i < 50 && v.h264().length < h.source.size(); i++) {
            v.run(100);
        }
        assertThat(v.h264()).isEqualTo(h.source.bytes());
        assertThat(h.world.counters(0).serverUndecodable()).isPositive();
    }
}
