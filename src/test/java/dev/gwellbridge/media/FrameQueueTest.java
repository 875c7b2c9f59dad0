package dev.gwellbridge.media;

import static dev.gwellbridge.h264.H264Fixtures.PPS;
import static dev.gwellbridge.h264.H264Fixtures.SPS_640X360_20;
import static dev.gwellbridge.h264.H264Fixtures.idrSlice;
import static dev.gwellbridge.h264.H264Fixtures.pSlice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.h264.AccessUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FrameQueueTest {
    private static final AccessUnit KEY = AccessUnit.of(List.of(SPS_640X360_20, PPS, idrSlice(50)), true);

    private static AccessUnit p(int n) {
        return AccessUnit.of(List.of(pSlice(n)), false);
    }

    private static List<AccessUnit> drain(FrameQueue q) throws InterruptedException {
        List<AccessUnit> out = new ArrayList<>();
        AccessUnit au;
        while ((au = q.poll(0, TimeUnit.MILLISECONDS)) != null) {
            out.add(au);
        }
        return out;
    }

    @Test
    void deliversInOrderWhileThereIsRoom() throws Exception {
        FrameQueue q = new FrameQueue(10, 1 << 20);
        AccessUnit p1 = p(1);
        AccessUnit p2 = p(2);

        assertThat(q.offer(KEY)).isTrue();
        assertThat(q.offer(p1)).isTrue();
        assertThat(q.offer(p2)).isTrue();

        assertThat(drain(q)).containsExactly(KEY, p1, p2);
        assertThat(q.dropped()).isZero();
    }

    @Test
    void whenFullDropsEveryPictureUpToTheNextKeyframe() throws Exception {
        FrameQueue q = new FrameQueue(3, 1 << 20);
        AccessUnit p1 = p(1);
        AccessUnit p2 = p(2);
        q.offer(KEY);
        q.offer(p1);
        q.offer(p2);

        assertThat(q.offer(p(3))).isFalse();
        assertThat(q.poll(0, TimeUnit.MILLISECONDS)).isSameAs(KEY);
        assertThat(q.poll(0, TimeUnit.MILLISECONDS)).isSameAs(p1);
        // Room again, but p(4) refers to the dropped p(3): still dropped.
        assertThat(q.offer(p(4))).isFalse();
        assertThat(q.offer(p(5))).isFalse();
        assertThat(q.dropped()).isEqualTo(3);

        assertThat(q.offer(KEY)).isTrue();
        assertThat(q.offer(p(6))).isTrue();
        assertThat(drain(q)).extracting(AccessUnit::keyframe).containsExactly(false, true, false);
    }

    @Test
    void aKeyframeArrivingAtAFullQueueReplacesEverythingQueued() throws Exception {
        FrameQueue q = new FrameQueue(3, 1 << 20);
        q.offer(KEY);
        q.offer(p(1));
        q.offer(p(2));
        q.offer(p(3));

        AccessUnit freshKey = AccessUnit.of(List.of(SPS_640X360_20, PPS, idrSlice(9)), true);
        assertThat(q.offer(freshKey)).isTrue();

        assertThat(drain(q)).containsExactly(freshKey);
        assertThat(q.dropped()).isEqualTo(1 + 3);
    }

    @Test
    void alsoCountsBytes() throws Exception {
        FrameQueue q = new FrameQueue(100, KEY.size() + 10);
        q.offer(KEY);

        assertThat(q.offer(p(20))).isFalse();
        assertThat(q.dropped()).isEqualTo(1);
        assertThat(q.size()).isEqualTo(1);
    }

    @Test
    void acceptsAKeyframeLargerThanTheByteLimitIntoAnEmptyQueue() throws Exception {
        FrameQueue q = new FrameQueue(10, 8);

        assertThat(q.offer(KEY)).isTrue();
        assertThat(drain(q)).containsExactly(KEY);
    }

    @Test
    @Timeout(10)
    void offerNeverWaitsForTheConsumer() {
        FrameQueue q = new FrameQueue(5, 1 << 20);
        // Nobody consumes: a blocking offer would hang here until the timeout fails the test.
        for (int i = 0; i < 10_000; i++) {
            q.offer(i % 40 == 0 ? KEY : p(i % 7));
        }

        assertThat(q.size()).isLessThanOrEqualTo(5);
        assertThat(q.dropped()).isGreaterThan(9_000);
    }

    @Test
    @Timeout(10)
    void pollReturnsNullWhenNothingArrives() throws Exception {
        assertThat(new FrameQueue(5, 100).poll(10, TimeUnit.MILLISECONDS)).isNull();
    }
}
