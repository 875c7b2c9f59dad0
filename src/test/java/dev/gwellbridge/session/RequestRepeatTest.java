package dev.gwellbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestRepeatTest {
    private final List<Long> sends = new ArrayList<>();

    @Test
    void anUnansweredRequestIsRepeatedUpToTheLimitAndEachRepeatExtendsTheDeadline() {
        RequestRepeat r = new RequestRepeat(2, 1_000, 3_000);
        r.sent(0);
        long deadline = 3_000;

        deadline = tick(r, 999, true, deadline);
        assertThat(sends).isEmpty();
        deadline = tick(r, 1_000, true, deadline);
        deadline = tick(r, 2_000, true, deadline);
        deadline = tick(r, 3_000, true, deadline);

        assertThat(sends).containsExactly(1_000L, 2_000L);
        assertThat(r.repeats()).isEqualTo(2);
        assertThat(deadline).isEqualTo(5_000);
        assertThat(r.dueAt()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anAnsweredRequestIsNotRepeated() {
        RequestRepeat r = new RequestRepeat(4, 1_000, 3_000);
        r.sent(0);

        long deadline = tick(r, 1_000, false, 3_000);

        assertThat(sends).isEmpty();
        assertThat(deadline).isEqualTo(3_000);
        assertThat(r.dueAt()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void stoppingCancelsTheNextRepeat() {
        RequestRepeat r = new RequestRepeat(4, 1_000, 3_000);
        r.sent(0);
        r.stop();

        tick(r, 5_000, true, 3_000);

        assertThat(sends).isEmpty();
    }

    private long tick(RequestRepeat r, long now, boolean unanswered, long deadline) {
        return r.onTick(now, unanswered, deadline, () -> sends.add(now));
    }
}
