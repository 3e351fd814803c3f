package dev.mailtrail.core.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.NameValue;
import org.junit.jupiter.api.Test;

class AuditCmdletsTest {
    private final AuditConfiguration configuration = new AuditConfiguration(OrganizationConfig.defaults());

    @Test
    void anAcceptedLineNamesTheCmdletItsObjectAndItsParameters() {
        CmdletOutcome outcome = AuditCmdlets.run(
                configuration, "set-mailbox -identity alice@contoso.com -auditowner @{Add='MailboxLogin'}");

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.error()).isNull();
        assertThat(outcome.cmdlet()).isEqualTo("Set-Mailbox");
        assertThat(outcome.objectId()).isEqualTo("alice@contoso.com");
        assertThat(outcome.parameters())
                .containsExactly(
                        new NameValue("Identity", "alice@contoso.com"),
                        new NameValue("AuditOwner", "@{Add=\"MailboxLogin\"}"));
    }

    @Test
    void aRefusedLineKeepsItsObjectAndParametersForTheRecord() {
        CmdletOutcome outcome =
                AuditCmdlets.run(configuration, "Set-Mailbox alice -AuditAdmin @{Add='MessageBind'} -Confirm:$false");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.cmdlet()).isEqualTo("Set-Mailbox");
        assertThat(outcome.objectId()).isEqualTo("alice");
        assertThat(outcome.parameters())
                .containsExactly(
                        new NameValue("Identity", "alice"),
                        new NameValue("AuditAdmin", "@{Add=\"MessageBind\"}"),
                        new NameValue("Confirm", "False"));
    }

    @Test
    void anUnknownCmdletIsRefusedByName() {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, "Remove-Mailbox -Identity alice");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.cmdlet()).isEqualTo("Remove-Mailbox");
        assertThat(outcome.error()).contains("'Remove-Mailbox' is not recognized", "Set-Mailbox");
        assertThat(configuration.mailboxes()).isEmpty();
    }

    @Test
    void aLineThatCannotBeReadIsRefusedWithTheSyntaxErrorUnderItsFirstWord() {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, "Set-Mailbox -Identity \"alice");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.cmdlet()).isEqualTo("Set-Mailbox");
        assertThat(outcome.error())
                .startsWith("The string is missing the terminator")
                .contains("char:23");
        assertThat(outcome.objectId()).isEmpty();
        assertThat(outcome.parameters()).isEmpty();
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, "Set-Mailbox alice -Identity bob -AuditOwner None");

        assertThat(outcome.error())
                .startsWith("Cannot bind parameter because parameter 'Identity' is specified more" + " than once.");
        assertThat(configuration.mailboxes()).isEmpty();
    }

    @Test
    void aSecondPositionalValueIsRefused() {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, "Set-Mailbox alice bob");

        assertThat(outcome.error()).startsWith("A positional parameter cannot be found that accepts argument 'bob'.");
    }
}
