package dev.mailtrail.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditLogAgeLimitTest {
    @Test
    void theDefaultIsNinetyDays() {
        assertThat(AuditLogAgeLimit.DEFAULT).isEqualTo(Duration.ofDays(90));
        assertThat(AuditLogAgeLimit.format(AuditLogAgeLimit.DEFAULT)).isEqualTo("90.00:00:00");
    }

    @Test
    void parsesExchangeTimeSpans() {
        assertThat(AuditLogAgeLimit.parse("180.00:00:00")).contains(Duration.ofDays(180));
        assertThat(AuditLogAgeLimit.parse("1.02:03:04"))
                .contains(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4));
        assertThat(AuditLogAgeLimit.parse("00:00:00")).contains(Duration.ZERO);
        assertThat(AuditLogAgeLimit.parse(" 12:30:00 ")).contains(Duration.ofMinutes(750));
    }

    @Test
    void refusesWhatIsNotATimeSpan() {
        assertThat(AuditLogAgeLimit.parse("90")).isEmpty();
        assertThat(AuditLogAgeLimit.parse("90 days")).isEmpty();
        assertThat(AuditLogAgeLimit.parse("1.24:00:00")).isEmpty();
        assertThat(AuditLogAgeLimit.parse("1.00:60:00")).isEmpty();
        assertThat(AuditLogAgeLimit.parse(null)).isEmpty();
    }

    @Test
    void zeroIsShownWithoutDays() {
        assertThat(AuditLogAgeLimit.format(Duration.ZERO)).isEqualTo("00:00:00");
        assertThat(AuditLogAgeLimit.format(Duration.ofDays(1).plusSeconds(5))).isEqualTo("1.00:00:05");
    }
}
