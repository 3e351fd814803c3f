package dev.mailtrail.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdminDateTest {
    @Test
    void readsTheFormsAdminsTypeAsUtcUnlessAZoneIsGiven() {
        assertThat(AdminDate.parse("2026-03-01")).contains(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(AdminDate.parse("2026-03-01 09:00")).contains(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(AdminDate.parse("2026-03-01T09:00:30")).contains(Instant.parse("2026-03-01T09:00:30Z"));
        assertThat(AdminDate.parse("3/1/2026")).contains(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(AdminDate.parse("3/1/2026 09:00")).contains(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(AdminDate.parse("3/4/2026 7:05:00 PM")).contains(Instant.parse("2026-03-04T19:05:00Z"));
        assertThat(AdminDate.parse("2026-03-01T09:00:00Z")).contains(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(AdminDate.parse("2026-03-01T10:00:00+01:00")).contains(Instant.parse("2026-03-01T09:00:00Z"));
    }

    @Test
    void refusesWhatIsNotADate() {
        assertThat(AdminDate.parse("13/1/2026")).isEmpty();
        assertThat(AdminDate.parse("2026-02-30")).isEmpty();
        assertThat(AdminDate.parse("yesterday")).isEmpty();
        assertThat(AdminDate.parse("")).isEmpty();
    }
}
