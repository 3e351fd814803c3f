package dev.mailtrail.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailboxThrottleTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final MailboxThrottle throttle = new MailboxThrottle();

    @Test
    void theThousandAndFirstRecordInADayCrossesTheLine() {
        for (int i = 0; i < 1000; i++) {
            assertThat(throttle.countRecord("alice", T0.plusSeconds(i))).isFalse();
        }
        assertThat(throttle.suppressesBinds("alice", T0.plusSeconds(1000))).isFalse();

        assertThat(throttle.countRecord("alice", T0.plusSeconds(1000))).isTrue();

        assertThat(throttle.suppressesBinds("alice", T0.plusSeconds(1000))).isTrue();
        assertThat(throttle.suppressesBinds("bob", T0.plusSeconds(1000))).isFalse();
    }

    @Test
    void onlyOneRecordCrossesPerThrottlePeriod() {
        for (int i = 0; i <= 1000; i++) {
            throttle.countRecord("alice", T0.plusSeconds(i));
        }

        assertThat(throttle.countRecord("alice", T0.plusSeconds(2000))).isFalse();
    }

    @Test
    void suppressionLastsTwentyFourHoursFromTheCrossing() {
        for (int i = 0; i <= 1000; i++) {
            throttle.countRecord("alice", T0.plusSeconds(i));
        }
        Instant crossing = T0.plusSeconds(1000);

        assertThat(throttle.suppressesBinds(
                        "alice", crossing.plus(Duration.ofHours(24)).minusMillis(1)))
                .isTrue();
        assertThat(throttle.suppressesBinds("alice", crossing.plus(Duration.ofHours(24))))
                .isFalse();
    }

    @Test
    void recordsOlderThanADayNoLongerCount() {
        for (int i = 0; i < 1000; i++) {
            throttle.countRecord("alice", T0.plusSeconds(i));
        }

        assertThat(throttle.countRecord("alice", T0.plus(Duration.ofHours(24)))).isFalse();
    }

    @Test
    void countingIsExactAcrossDaysAsOldRecordsDropOutAndNewOnesArrive() {
        Instant day2 = T0.plus(Duration.ofHours(24));
        for (int i = 0; i < 600; i++) {
            throttle.countRecord("alice", T0.plusSeconds(i));
        }
        for (int i = 0; i < 400; i++) {
            throttle.countRecord("alice", T0.plus(Duration.ofHours(12)).plusSeconds(i));
        }

        // The first 600 are a day old by now: 400 + 600 new ones make 1,000, not over the line.
        for (int i = 0; i < 600; i++) {
            assertThat(throttle.countRecord("alice", day2.plusSeconds(600 + i))).isFalse();
        }

        assertThat(throttle.countRecord("alice", day2.plusSeconds(1200))).isTrue();
    }
}
