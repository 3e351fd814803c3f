package dev.mailtrail.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThrottlingModeTest {
    @Test
    void modesParseByLabelCaseInsensitivelyAndTrimmed() {
        assertThat(ThrottlingMode.parse("Exchange")).contains(ThrottlingMode.EXCHANGE);
        assertThat(ThrottlingMode.parse(" off ")).contains(ThrottlingMode.OFF);
        assertThat(ThrottlingMode.parse("on")).isEmpty();
        assertThat(ThrottlingMode.parse(null)).isEmpty();
        assertThat(ThrottlingMode.EXCHANGE.label()).isEqualTo("exchange");
    }
}
