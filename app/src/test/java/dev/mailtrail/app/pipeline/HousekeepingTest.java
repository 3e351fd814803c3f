package dev.mailtrail.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HousekeepingTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-03T12:00:00Z"));
    private final Housekeeping housekeeping = new Housekeeping(clock, PipelineOptions.defaults());

    @Test
    void commitsOnceTheIntervalHasPassedAndOnlyWithRecordsWaiting() {
        assertThat(housekeeping.commitDue(5, false)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(housekeeping.commitDue(0, false)).as("nothing to commit").isFalse();
        assertThat(housekeeping.commitDue(5, false)).isTrue();
        housekeeping.committed();
        assertThat(housekeeping.commitDue(5, false)).isFalse();
    }

    @Test
    void aBacklogCommitsEveryTenSecondsOrByCount() {
        clock.advance(Duration.ofSeconds(9));
        assertThat(housekeeping.commitDue(5, true)).isFalse();
        assertThat(housekeeping.commitDue(20_000, true))
                .as("enough records waiting")
                .isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(housekeeping.commitDue(5, true)).isTrue();
    }

    @Test
    void ticksOnlyWithWindowsOpenAndAtMostEverySecond() {
        clock.advance(Duration.ofSeconds(1));
        assertThat(housekeeping.tickDue(0)).isNull();
        assertThat(housekeeping.tickDue(3)).isEqualTo(clock.instant());
        assertThat(housekeeping.tickDue(3)).isNull();
        clock.advance(Duration.ofMillis(999));
        assertThat(housekeeping.tickDue(3)).isNull();
        clock.advance(Duration.ofMillis(1));
        assertThat(housekeeping.tickDue(3)).isEqualTo(clock.instant());
    }

    @Test
    void retentionIsDueOncePerIntervalCountedFromOpening() {
        clock.advance(Duration.ofHours(23));
        housekeeping.opened();
        clock.advance(Duration.ofHours(23));
        assertThat(housekeeping.retentionDue()).isFalse();
        clock.advance(Duration.ofHours(1));
        assertThat(housekeeping.retentionDue()).isTrue();
        assertThat(housekeeping.retentionDue()).isFalse();
        clock.advance(Duration.ofHours(24));
        assertThat(housekeeping.retentionDue()).isTrue();
    }
}
