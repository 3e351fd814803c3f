package dev.mailtrail.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditConfigurationTest {
    private final AuditConfiguration configuration = new AuditConfiguration(OrganizationConfig.defaults());

    @Test
    void aMailboxComesIntoExistenceAsAUserMailboxTheFirstTimeItIsNamed() {
        assertThat(configuration.knows("alice@contoso.com")).isFalse();

        MailboxAuditConfig alice = configuration.mailbox("alice@contoso.com");

        assertThat(configuration.knows("alice@contoso.com")).isTrue();
        assertThat(alice.type()).isEqualTo(MailboxType.USER_MAILBOX);
        assertThat(alice.defaultAuditSet()).containsExactlyInAnyOrder(LogonType.values());
    }

    @Test
    void identitiesCompareCaseInsensitivelyAndKeepTheirFirstSpelling() {
        MailboxAuditConfig first = configuration.mailbox("Alice@Contoso.com");

        assertThat(configuration.mailbox("alice@contoso.com")).isSameAs(first);
        assertThat(configuration.mailbox("ALICE@CONTOSO.COM").identity()).isEqualTo("Alice@Contoso.com");
        assertThat(configuration.knows("aLiCe@contoso.COM")).isTrue();
        assertThat(configuration.mailboxes()).hasSize(1);
    }

    @Test
    void puttingAMailboxReplacesTheOneWithTheSameIdentity() {
        configuration.mailbox("alice@contoso.com");

        configuration.put(configuration.mailbox("ALICE@contoso.com").withAuditEnabled(false));

        assertThat(configuration.mailboxes()).hasSize(1);
        assertThat(configuration.mailbox("alice@contoso.com").auditEnabled()).isFalse();
    }

    @Test
    void bypassIsPerActingAccountCaseInsensitiveAndRevocable() {
        configuration.setBypass("Svc-Backup@contoso.com", true);

        assertThat(configuration.bypassed("svc-backup@contoso.com")).isTrue();
        assertThat(configuration.bypassed("alice@contoso.com")).isFalse();
        assertThat(configuration.bypassedAccounts()).isEqualTo(Set.of("Svc-Backup@contoso.com"));

        configuration.setBypass("SVC-BACKUP@contoso.com", false);

        assertThat(configuration.bypassed("svc-backup@contoso.com")).isFalse();
        assertThat(configuration.bypassedAccounts()).isEmpty();
    }
}
