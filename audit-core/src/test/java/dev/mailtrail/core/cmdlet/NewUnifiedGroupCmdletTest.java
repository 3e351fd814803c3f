package dev.mailtrail.core.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.MailboxType;
import dev.mailtrail.core.config.OrganizationConfig;
import org.junit.jupiter.api.Test;

class NewUnifiedGroupCmdletTest {
    private final AuditConfiguration configuration = new AuditConfiguration(OrganizationConfig.defaults());

    @Test
    void createsAGroupMailboxWithTheFixedSet() {
        CmdletOutcome outcome = AuditCmdlets.run(
                configuration, "New-UnifiedGroup -PrimarySmtpAddress team@contoso.com -DisplayName 'The Team'");

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.objectId()).isEqualTo("team@contoso.com");
        var group = configuration.mailbox("team@contoso.com");
        assertThat(group.type()).isEqualTo(MailboxType.GROUP_MAILBOX);
        assertThat(group.actions(LogonType.DELEGATE, Baseline.B2023))
                .isEqualTo(Baseline.groupMailboxActions().get(LogonType.DELEGATE));
    }

    @Test
    void anAddressAlreadyInUseIsRefused() {
        configuration.mailbox("alice@contoso.com");

        CmdletOutcome outcome =
                AuditCmdlets.run(configuration, "New-UnifiedGroup -PrimarySmtpAddress Alice@contoso.com");

        assertThat(outcome.error()).contains("already being used by alice@contoso.com");
        assertThat(configuration.mailbox("alice@contoso.com").type()).isEqualTo(MailboxType.USER_MAILBOX);
    }

    @Test
    void thePrimaryAddressIsMandatory() {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, "New-UnifiedGroup -DisplayName Team");

        assertThat(outcome.error()).contains("missing mandatory parameters: PrimarySmtpAddress");
        assertThat(configuration.mailboxes()).isEmpty();
    }
}
