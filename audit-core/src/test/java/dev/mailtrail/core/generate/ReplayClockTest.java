package dev.mailtrail.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReplayClockTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void movesForwardToTheTimeItIsGiven() {
        ReplayClock clock = new ReplayClock(START);

        clock.advanceTo(START.plusSeconds(90));

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(90));
        assertThat(clock.millis()).isEqualTo(START.plusSeconds(90).toEpochMilli());
    }

    @Test
    void neverGoesBack() {
        ReplayClock clock = new ReplayClock(START);
        clock.advanceTo(START.plusSeconds(90));

        clock.advanceTo(START.plusSeconds(30));

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(90));
    }

    @Test
    void isAlwaysUtc() {
        ReplayClock clock = new ReplayClock(START);

        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThatThrownBy(() -> clock.withZone(java.time.ZoneId.of("Europe/Paris")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
