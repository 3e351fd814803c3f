package dev.mailtrail.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosingWindowsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(2);

    private final ClosingWindows closing = new ClosingWindows();
    private final Access alice = Access.owner("alice@contoso.com");

    @Test
    void windowsCloseInTheOrderTheirTimeIsUp() {
        AccessWindow first = open(0);
        AccessWindow second = open(30);

        assertThat(closing.takeClosedAt(T0.plus(WINDOW).minusNanos(1))).isNull();
        assertThat(closing.takeClosedAt(T0.plus(WINDOW))).isSameAs(first);
        assertThat(closing.takeClosedAt(T0.plus(WINDOW))).isNull();
        assertThat(closing.takeClosedAt(T0.plusSeconds(30).plus(WINDOW))).isSameAs(second);
        assertThat(closing.size()).isZero();
    }

    @Test
    void aWindowOpenedOutOfOrderStillClosesInItsTurn() {
        AccessWindow late = open(60);
        AccessWindow early = open(10);
        AccessWindow last = open(90);

        assertThat(takeAll()).containsExactly(early, late, last);
    }

    @Test
    void aWindowClosedAheadOfItsTurnIsSkipped() {
        AccessWindow first = open(0);
        AccessWindow second = open(1);

        closing.remove(first);

        assertThat(closing.size()).isEqualTo(1);
        assertThat(closing.oldestStart()).isEqualTo(T0.plusSeconds(1));
        assertThat(takeAll()).containsExactly(second);
    }

    @Test
    void theOldestStartCountsOutOfOrderWindows() {
        open(60);
        open(10);

        assertThat(closing.oldestStart()).isEqualTo(T0.plusSeconds(10));
    }

    private AccessWindow open(long second) {
        Instant start = T0.plusSeconds(second);
        AccessWindow window = new AccessWindow("key" + second, alice.bind(start, "A"), start.plus(WINDOW));
        closing.add(window);
        return window;
    }

    private List<AccessWindow> takeAll() {
        List<AccessWindow> taken = new ArrayList<>();
        for (AccessWindow window; (window = closing.takeFirst()) != null; ) {
            taken.add(window);
        }
        return taken;
    }
}
