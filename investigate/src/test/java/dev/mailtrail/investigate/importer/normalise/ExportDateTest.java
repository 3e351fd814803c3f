package dev.mailtrail.investigate.importer.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExportDateTest {
    private final ExportDate utc = ExportDate.utc();

    @ParameterizedTest
    @CsvSource({
        "2026-03-04T19:05:00.0000000Z, 2026-03-04T19:05:00Z",
        "2026-03-04T19:05:00, 2026-03-04T19:05:00Z",
        "2026-03-04 19:05:00, 2026-03-04T19:05:00Z",
        "2026-03-04T20:05:00+01:00, 2026-03-04T19:05:00Z",
        "2026-03-04T19:05:00.123Z, 2026-03-04T19:05:00.123Z",
        "2026-03-04T19:05:00Z, 2026-03-04T19:05:00Z",
        "'2026-03-04T19:05:00,5Z', 2026-03-04T19:05:00.500Z",
        "2026-03-04T19:05:00.123456789Z, 2026-03-04T19:05:00.123456789Z",
        "2026-03-04T19:05:00.0000000 Z, 2026-03-04T19:05:00Z",
        "2026-03-04 19:05, 2026-03-04T19:05:00Z",
        "3/4/2026 7:05:00 PM, 2026-03-04T19:05:00Z",
        "3/4/2026 12:05:00 AM, 2026-03-04T00:05:00Z",
        "3/4/2026 12:05:00 PM, 2026-03-04T12:05:00Z",
        "3/4/2026 19:05, 2026-03-04T19:05:00Z",
        "'3/4/2026, 7:05:00.250 PM', 2026-03-04T19:05:00.250Z",
        "12/31/2025 11:59:59 PM, 2025-12-31T23:59:59Z"
    })
    void isoAndUsLocaleDatesAreInstants(String text, String instant) {
        assertThat(utc.parse(text)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13/45/2026",
                "13/4/2026 7:05:00 PM",
                "2/30/2026 7:05:00",
                "2026-02-30T19:05:00.0000000Z",
                "2026-03-04T24:05:00Z",
                "2026-03-04T19:05:00.1234567890Z",
                "2026-03-04T19:05:00.Z",
                "2026-03-04T19:05:0xZ",
                "3/4/2026 13:05:00 PM",
                "yesterday",
                ""
            })
    void whatIsNotARealDateIsRefused(String text) {
        assertThat(utc.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "14/03/2026 21:40:02",
                "04/03/2026 21:40:02",
                "14.03.2026 21:40:02",
                "14.3.2026 21.40.02",
                "14-3-2026 21:40:02",
                "2026/03/14 21:40:02",
                "14/03/2026 09:40:02 PM",
                "3/14/2026 9:40:02 PM",
                "2026-03-14T21:40:02.0000000Z"
            })
    void exportCsvDatesOfAnyLocaleAreDates(String text) {
        assertThat(utc.isDateInSomeLocale(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13/45/2026 19:05:00", "31/31/2026 10:00:00", "14/03/2026 25:00:00", "yesterday", ""})
    void whatIsNoDayInAnyOrderIsNoDateInAnyLocale(String text) {
        assertThat(utc.isDateInSomeLocale(text)).isFalse();
    }

    @Test
    void textWithoutAZoneIsReadInTheZoneGiven() {
        ExportDate paris = new ExportDate(ZoneId.of("Europe/Paris"));

        assertThat(paris.parse("3/4/2026 8:05:00 PM")).isEqualTo(Instant.parse("2026-03-04T19:05:00Z"));
        assertThat(paris.parse("2026-03-04T19:05:00Z")).isEqualTo(Instant.parse("2026-03-04T19:05:00Z"));
        assertThat(paris.parse("2026-03-04T20:05:00.5000000")).isEqualTo(Instant.parse("2026-03-04T19:05:00.5Z"));
    }
}
