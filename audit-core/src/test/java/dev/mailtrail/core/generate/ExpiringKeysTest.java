package dev.mailtrail.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiringKeysTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final ExpiringKeys<String> keys = new ExpiringKeys<>(Duration.ofHours(1));

    @Test
    void aKeyIsRecentForLessThanOneHorizon() {
        keys.record("A", T0);

        assertThat(keys.isRecent("A", T0)).isTrue();
        assertThat(keys.isRecent("A", T0.plus(Duration.ofHours(1)).minusMillis(1)))
                .isTrue();
        assertThat(keys.isRecent("A", T0.plus(Duration.ofHours(1)))).isFalse();
        assertThat(keys.isRecent("B", T0)).isFalse();
    }

    @Test
    void recordingAgainRestartsTheHorizon() {
        keys.record("A", T0);
        keys.record("A", T0.plus(Duration.ofMinutes(50)));

        assertThat(keys.isRecent("A", T0.plus(Duration.ofMinutes(90)))).isTrue();
    }

    @Test
    void expiryForgetsOnlyKeysAFullHorizonOld() {
        keys.record("A", T0);
        keys.record("B", T0.plus(Duration.ofMinutes(30)));
        keys.record("A", T0.plus(Duration.ofMinutes(40)));
        keys.record("C", T0.plus(Duration.ofMinutes(45)));

        keys.expire(T0.plus(Duration.ofMinutes(90)));

        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.isRecent("A", T0.plus(Duration.ofMinutes(90)))).isTrue();
        assertThat(keys.isRecent("B", T0.plus(Duration.ofMinutes(90)))).isFalse();

        keys.expire(T0.plus(Duration.ofMinutes(105)));

        assertThat(keys.size()).isZero();
    }
}
