package dev.mailtrail.core.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import org.junit.jupiter.api.Test;

class SetMailboxAuditBypassAssociationCmdletTest {
    private final AuditConfiguration configuration = new AuditConfiguration(OrganizationConfig.defaults());

    @Test
    void grantsAndRevokesBypassForTheActingAccount() {
        CmdletOutcome granted = AuditCmdlets.run(
                configuration, "Set-MailboxAuditBypassAssociation -Identity svc@contoso.com -AuditBypassEnabled $true");

        assertThat(granted.succeeded()).isTrue();
        assertThat(granted.objectId()).isEqualTo("svc@contoso.com");
        assertThat(configuration.bypassed("svc@contoso.com")).isTrue();

        AuditCmdlets.run(configuration, "Set-MailboxAuditBypassAssociation svc@contoso.com -AuditBypassEnabled:0");

        assertThat(configuration.bypassed("svc@contoso.com")).isFalse();
    }

    @Test
    void auditBypassEnabledIsMandatory() {
        CmdletOutcome outcome =
                AuditCmdlets.run(configuration, "Set-MailboxAuditBypassAssociation -Identity svc@contoso.com");

        assertThat(outcome.error()).contains("missing mandatory parameters: AuditBypassEnabled");
        assertThat(configuration.bypassed("svc@contoso.com")).isFalse();
    }

    @Test
    void aValueThatIsNotBooleanIsRefusedAsPowerShellDoes() {
        CmdletOutcome outcome = AuditCmdlets.run(
                configuration, "Set-MailboxAuditBypassAssociation -Identity svc -AuditBypassEnabled yes");

        assertThat(outcome.error())
                .contains("Cannot convert value \"System.String\" to type \"System.Boolean\"", "$True, $False, 1 or 0");
        assertThat(configuration.bypassed("svc")).isFalse();
    }
}
