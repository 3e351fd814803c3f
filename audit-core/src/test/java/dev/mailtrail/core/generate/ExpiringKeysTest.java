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
        keys.recordUnlessRecent("A", T0);

        assertThat(keys.isRecent("A", T0)).isTrue();
        assertThat(keys.isRecent("A", T0.plus(Duration.ofHours(1)).minusMillis(1)))
                .isTrue();
        assertThat(keys.isRecent("A", T0.plus(Duration.ofHours(1)))).isFalse();
        assertThat(keys.isRecent("B", T0)).isFalse();
    }

    @Test
    void aRecentKeyIsNotRecordedAgain() {
        assertThat(keys.recordUnlessRecent("A", T0)).isTrue();
        assertThat(keys.recordUnlessRecent("A", T0.plus(Duration.ofMinutes(50))))
                .isFalse();

        assertThat(keys.isRecent("A", T0.plus(Duration.ofMinutes(90)))).isFalse();
    }

    @Test
    void aKeyRecordedAgainAfterTheHorizonStartsANewOne() {
        keys.recordUnlessRecent("A", T0);

        assertThat(keys.recordUnlessRecent("A", T0.plus(Duration.ofHours(1)))).isTrue();

        assertThat(keys.isRecent("A", T0.plus(Duration.ofMinutes(90)))).isTrue();
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void expiryForgetsOnlyKeysAFullHorizonOld() {
        keys.recordUnlessRecent("A", T0);
        keys.recordUnlessRecent("B", T0.plus(Duration.ofMinutes(30)));
        keys.recordUnlessRecent("C", T0.plus(Duration.ofMinutes(45)));

        keys.expire(T0.plus(Duration.ofMinutes(60)).minusMillis(1));
        assertThat(keys.size()).isEqualTo(3);

        keys.expire(T0.plus(Duration.ofMinutes(60)));
        assertThat(keys.size()).isEqualTo(2);

        keys.expire(T0.plus(Duration.ofMinutes(100)));
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.isRecent("C", T0.plus(Duration.ofMinutes(100)))).isTrue();

        keys.expire(T0.plus(Duration.ofMinutes(105)));
        assertThat(keys.size()).isZero();

        keys.recordUnlessRecent("D", T0.plus(Duration.ofMinutes(110)));
        keys.expire(T0.plus(Duration.ofMinutes(170)));
        assertThat(keys.size()).isZero();
    }
}
