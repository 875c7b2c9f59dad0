package dev.gwellbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeded impairment of one link direction on a virtual clock. */
class ImpairedLinkTest {
    private record Delivery(int packet, long at) {}

    /** Offers packets 0..n-1, one per millisecond, and drains until everything is out. */
    private static List<Delivery> run(Impairment spec, long seed, String label, int n) {
        List<Delivery> out = new ArrayList<>();
        ImpairedLink<Integer> link = new ImpairedLink<>(
                spec, new SimRandom(seed).derive(label), 0, (p, now) -> out.add(new Delivery(p, now)));
        for (int i = 0; i < n; i++) {
            link.drain(i);
            link.offer(i, i);
        }
        for (long t = n; t < n + 1_000; t++) {
            link.drain(t);
        }
        return out;
    }

    private static final Impairment EVERYTHING =
            Impairment.loss(10).withDuplication(5).withReorderWindow(3).withDelay(20, 15);

    @Test
    void theSameSeedGivesTheSameDecisions() {
        assertThat(run(EVERYTHING, 42, "camera-0-down", 2_000)).isEqualTo(run(EVERYTHING, 42, "camera-0-down", 2_000));
    }

    @Test
    void anotherSeedOrDirectionGivesOtherDecisions() {
        List<Delivery> base = run(EVERYTHING, 42, "camera-0-down", 2_000);
        assertThat(run(EVERYTHING, 43, "camera-0-down", 2_000)).isNotEqualTo(base);
        assertThat(run(EVERYTHING, 42, "camera-0-up", 2_000)).isNotEqualTo(base);
    }

    @Test
    void aPerfectLinkDeliversEverythingAtOnceAndInOrder() {
        List<Delivery> out = run(Impairment.NONE, 1, "x", 100);
        assertThat(out).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(out.get(i)).isEqualTo(new Delivery(i, i));
        }
    }

    @Test
    void losesAboutTheConfiguredShare() {
        List<Delivery> out = run(Impairment.loss(10), 7, "x", 10_000);
        assertThat(out.size()).isBetween(8_800, 9_200);
        assertThat(out).extracting(Delivery::packet).isSorted();
    }

    @Test
    void duplicatesAboutTheConfiguredShare() {
        List<Delivery> out = run(Impairment.NONE.withDuplication(20), 7, "x", 10_000);
        assertThat(out.size()).isBetween(11_800, 12_200);
        assertThat(out.stream().map(Delivery::packet).distinct().count()).isEqualTo(10_000);
    }

    @Test
    void delaysByTheConfiguredDelayPlusJitter() {
        List<Delivery> out = run(Impairment.NONE.withDelay(30, 10), 7, "x", 1_000);
        assertThat(out).hasSize(1_000);
        assertThat(out).allSatisfy(d -> assertThat(d.at() - d.packet()).isBetween(30L, 40L));
    }

    @Test
    void reordersWithinTheWindowOnly() {
        List<Delivery> out = run(Impairment.NONE.withReorderWindow(3), 7, "x", 2_000);
        assertThat(out).hasSize(2_000);
        List<Integer> order = out.stream().map(Delivery::packet).toList();
        assertThat(order).isNotEqualTo(order.stream().sorted().toList());
        for (int pos = 0; pos < order.size(); pos++) {
            int packet = order.get(pos);
            long overtakenBy =
                    order.subList(0, pos).stream().filter(p -> p > packet).count();
            assertThat(overtakenBy).as("packet %d", packet).isLessThanOrEqualTo(3);
        }
        assertThat(out)
                .allSatisfy(d -> assertThat(d.at() - d.packet()).isLessThanOrEqualTo(ImpairedLink.REORDER_HOLD_MS));
    }

    @Test
    void losesEverythingInsideABlackout() {
        Impairment spec = Impairment.NONE.withBlackout(new Blackout(100, 50));
        List<Delivery> out = run(spec, 7, "x", 300);
        assertThat(out).hasSize(250);
        assertThat(out).extracting(Delivery::packet).noneMatch(p -> p >= 100 && p < 150);
    }

    @Test
    void aBlackoutAddedLaterAlsoLosesEverythingAndIsReportedAsAnOutage() {
        List<Delivery> out = new ArrayList<>();
        ImpairedLink<Integer> link = new ImpairedLink<>(
                Impairment.NONE, new SimRandom(1).derive("x"), 0, (p, now) -> out.add(new Delivery(p, now)));
        link.blackout(10, 20);
        for (int i = 0; i < 30; i++) {
            link.offer(i, i);
        }
        assertThat(out).extracting(Delivery::packet).doesNotContain(10, 15, 19).contains(9, 20);
        assertThat(link.blackoutOverlaps(0, 10)).isTrue();
        assertThat(link.blackoutOverlaps(20, 30)).isFalse();
        assertThat(link.lost()).isEqualTo(10);
    }
}
