package dev.mailtrail.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailAccessTypeTest {
    @Test
    void parsesExchangesNamesCaseInsensitively() {
        assertThat(MailAccessType.parse("Bind")).contains(MailAccessType.BIND);
        assertThat(MailAccessType.parse("sync")).contains(MailAccessType.SYNC);
        assertThat(MailAccessType.parse("Read")).isEmpty();
        assertThat(MailAccessType.SYNC.exchangeName()).isEqualTo("Sync");
    }
}
