package dev.mailtrail.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogonTypeTest {
    @Test
    void valuesAreExchangesNumbers() {
        assertThat(LogonType.OWNER.value()).isZero();
        assertThat(LogonType.ADMIN.value()).isEqualTo(1);
        assertThat(LogonType.DELEGATE.value()).isEqualTo(2);
        assertThat(LogonType.ofValue(2)).contains(LogonType.DELEGATE);
        assertThat(LogonType.ofValue(3)).isEmpty();
    }

    @Test
    void parsesCmdletSpellingsTheEventFormsAndNumbers() {
        assertThat(LogonType.parse("Owner")).contains(LogonType.OWNER);
        assertThat(LogonType.parse("delegate")).contains(LogonType.DELEGATE);
        assertThat(LogonType.parse("Delegated")).contains(LogonType.DELEGATE);
        assertThat(LogonType.parse(" ADMIN ")).contains(LogonType.ADMIN);
        assertThat(LogonType.parse("0")).contains(LogonType.OWNER);
        assertThat(LogonType.parse("1")).contains(LogonType.ADMIN);
        assertThat(LogonType.parse("2")).contains(LogonType.DELEGATE);
        assertThat(LogonType.parse("Transport")).isEmpty();
        assertThat(LogonType.parse(null)).isEmpty();
    }

    @Test
    void eachLogonTypeNamesItsMailboxListProperty() {
        assertThat(LogonType.OWNER.listProperty()).isEqualTo("AuditOwner");
        assertThat(LogonType.DELEGATE.listProperty()).isEqualTo("AuditDelegate");
        assertThat(LogonType.ADMIN.listProperty()).isEqualTo("AuditAdmin");
        assertThat(LogonType.DELEGATE.cmdletName()).isEqualTo("Delegate");
    }
}
