package dev.mailtrail.format.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcInstantTextTest {

    @Test
    void readsWhatTheGeneralParserReadsForRandomInstantsAndFractions() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(-2_000_000_000L, 8_000_000_000L), i % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertThat(UtcInstantText.parse(text)).as(text).isEqualTo(instant);
        }
        for (String text : new String[] {
            "2026-03-02T09:15:04.5Z", "2026-03-02T09:15:04.123456789Z", "2024-02-29T23:59:59Z", "0001-01-01T00:00:00Z"
        }) {
            assertThat(UtcInstantText.parse(text))
                    .as(text)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @Test
    void otherFormsGoToTheGeneralParser() {
        assertThat(UtcInstantText.parse("2026-03-02T10:15:04+01:00")).isEqualTo(Instant.parse("2026-03-02T09:15:04Z"));
        assertThat(UtcInstantText.parse("2026-03-02T09:15Z")).isEqualTo(Instant.parse("2026-03-02T09:15:00Z"));
        assertThat(UtcInstantText.parse("2026-03-02T09:15:04.Z")).isEqualTo(Instant.parse("2026-03-02T09:15:04Z"));
    }

    @Test
    void whatTheGeneralParserRefusesIsRefused() {
        for (String text : new String[] {
            "2025-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-03-02T24:00:00Z",
            "2026-03-02T09:15:60Z",
            "2026-03-02T09:15:04.1234567890Z",
            "2026-03-02 09:15:04Z",
            "2026-03-02T09:15:04",
            "2026-0a-02T09:15:04Z"
        }) {
            assertThatThrownBy(() -> UtcInstantText.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
