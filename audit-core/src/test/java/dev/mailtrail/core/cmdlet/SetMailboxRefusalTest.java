package dev.mailtrail.core.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.MailboxAuditConfig;
import dev.mailtrail.core.config.OrganizationConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Set-Mailbox lines that are refused: the exact error, and a configuration left exactly as it was. */
class SetMailboxRefusalTest {
    private static final String MESSAGE_BIND_DEPRECATED =
            "MessageBind audit operation type is deprecated. Use MailItemsAccessed audit operation type instead.";

    private final AuditConfiguration configuration = new AuditConfiguration(OrganizationConfig.defaults());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Set-Mailbox -Identity alice -AuditAdmin @{Add=\"MessageBind\"}",
                "Set-Mailbox -Identity alice -AuditAdmin MessageBind",
                "Set-Mailbox -Identity alice -AuditAdmin Update,MessageBind",
                "Set-Mailbox -Identity alice -AuditOwner @{Add='MessageBind'}",
                "Set-Mailbox -Identity alice -AuditDelegate messagebind"
            })
    void addingMessageBindIsRefusedWithExchangesErrorAndChangesNothing(String line) {
        MailboxAuditConfig before = configuration.mailbox("alice");

        CmdletOutcome outcome = AuditCmdlets.run(configuration, line);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo(MESSAGE_BIND_DEPRECATED);
        assertThat(AuditCmdlets.messageBindDeprecated()).isEqualTo(MESSAGE_BIND_DEPRECATED);
        assertThat(configuration.mailbox("alice")).isEqualTo(before);
    }

    @Test
    void messageBindIsRefusedUnderEveryBaselineSinceMailItemsAccessed() {
        for (String baseline : List.of("2019-02", "2023")) {
            accept("Set-OrganizationConfig -AuditBaseline " + baseline);

            CmdletOutcome outcome =
                    AuditCmdlets.run(configuration, "Set-Mailbox alice -AuditAdmin @{Add='MessageBind'}");

            assertThat(outcome.error()).isEqualTo(MESSAGE_BIND_DEPRECATED);
        }
    }

    @Test
    void underThe2019_01BaselineMessageBindCanBeAddedToAuditAdminAndIsKeptAfterANewerRollout() {
        accept("Set-OrganizationConfig -AuditBaseline 2019-01");
        accept("Set-Mailbox -Identity alice -AuditAdmin @{Add='MessageBind'}");

        accept("Set-OrganizationConfig -AuditBaseline 2023");
        accept("Set-Mailbox -Identity alice -AuditAdmin @{Add='Copy'}");

        assertThat(configuration.mailbox("alice").actions(LogonType.ADMIN, Baseline.B2023))
                .contains(MailboxAction.MESSAGE_BIND, MailboxAction.COPY)
                .doesNotContain(MailboxAction.MAIL_ITEMS_ACCESSED);
    }

    @Test
    void underThe2019_01BaselineMessageBindIsStillOnlyForAdmin() {
        accept("Set-OrganizationConfig -AuditBaseline 2019-01");

        CmdletOutcome outcome = AuditCmdlets.run(configuration, "Set-Mailbox alice -AuditOwner @{Add='MessageBind'}");

        assertThat(outcome.error()).contains("MessageBind", "Owner");
    }

    @Test
    void aLegacyMessageBindCanBeRemoved() {
        accept("Set-OrganizationConfig -AuditBaseline 2019-01");
        accept("Set-Mailbox -Identity alice -AuditAdmin @{Add='MessageBind'}");
        accept("Set-OrganizationConfig -AuditBaseline 2023");

        accept("Set-Mailbox -Identity alice -AuditAdmin @{Remove='MessageBind'}");

        assertThat(configuration.mailbox("alice").actions(LogonType.ADMIN, Baseline.B2023))
                .doesNotContain(MailboxAction.MESSAGE_BIND);
    }

    @Test
    void anActionTheLogonTypeCannotAuditNamesTheActionAndTheLogonType() {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, "Set-Mailbox alice -AuditOwner @{Add='SendAs'}");

        assertThat(outcome.error())
                .startsWith(
                        "The value \"SendAs\" isn't valid for AuditOwner: SendAs can't be audited for Owner logons.");
        assertThat(configuration.mailbox("alice").defaultAuditSet()).contains(LogonType.OWNER);
    }

    @Test
    void anUnknownActionListsTheValidOnesForThatLogonType() {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, "Set-Mailbox alice -AuditDelegate Read");

        String error = outcome.error();
        assertThat(error).contains("\"Read\"", "AuditDelegate");
        Arrays.stream(MailboxAction.values())
                .filter(a -> a.configurableFor(LogonType.DELEGATE))
                .forEach(a -> assertThat(error).contains(a.exchangeName()));
        assertThat(error).contains("None").doesNotContain("MailboxLogin").doesNotContain("MessageBind");
    }

    @Test
    void anUnknownParameterIsNamedAndPointedAt() {
        String line = "Set-Mailbox -Identity alice -AuditOwnr MailboxLogin";

        CmdletOutcome outcome = AuditCmdlets.run(configuration, line);

        assertThat(outcome.error())
                .startsWith("A parameter cannot be found that matches parameter name 'AuditOwnr'.")
                .contains("char:" + (line.indexOf("-AuditOwnr") + 1));
        assertThat(configuration.knows("alice")).isFalse();
    }

    @Test
    void aGroupMailboxRefusesListChangesAndDefaultAuditSet() {
        accept("New-UnifiedGroup -PrimarySmtpAddress team@contoso.com");
        MailboxAuditConfig before = configuration.mailbox("team@contoso.com");

        for (String line : List.of(
                "Set-Mailbox team@contoso.com -AuditOwner MailboxLogin",
                "Set-Mailbox team@contoso.com -AuditAdmin @{Add='Copy'}",
                "Set-Mailbox team@contoso.com -DefaultAuditSet Owner")) {
            CmdletOutcome outcome = AuditCmdlets.run(configuration, line);
            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).contains("group mailbox team@contoso.com", "fixed audit set");
        }
        assertThat(configuration.mailbox("team@contoso.com")).isEqualTo(before);
    }

    @Test
    void aGroupMailboxCannotChangeTypeToEscapeItsFixedSet() {
        accept("New-UnifiedGroup -PrimarySmtpAddress team@contoso.com");
        MailboxAuditConfig before = configuration.mailbox("team@contoso.com");

        CmdletOutcome outcome =
                AuditCmdlets.run(configuration, "Set-Mailbox team@contoso.com -Type Regular -AuditOwner None");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).contains("group mailbox team@contoso.com", "fixed audit set");
        assertThat(configuration.mailbox("team@contoso.com")).isEqualTo(before);
    }

    @Test
    void aLineWithOneBadParameterChangesNothing() {
        MailboxAuditConfig before = configuration.mailbox("alice");

        refuse("Set-Mailbox alice -AuditOwner MailboxLogin -AuditEnabled $false -AuditAdmin Bogus");
        refuse("Set-Mailbox alice -AuditOwner MailboxLogin -AuditLogAgeLimit 90days");
        refuse("Set-Mailbox alice -AuditDelegate None -AuditEnabled maybe");
        refuse("Set-Mailbox alice -DefaultAuditSet Owner -AuditOwner None -Type Group");

        assertThat(configuration.mailbox("alice")).isEqualTo(before);
    }

    @Test
    void aRefusedLineDoesNotBringAMailboxIntoExistence() {
        refuse("Set-Mailbox -Identity ghost@contoso.com -AuditOwner Bogus");

        assertThat(configuration.knows("ghost@contoso.com")).isFalse();
    }

    @Test
    void defaultAuditSetTakesOnlyTheCmdletSpellings() {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, "Set-Mailbox alice -DefaultAuditSet 0,Delegated");

        assertThat(outcome.error()).contains("\"0\"", "Admin, Delegate, Owner");
    }

    @Test
    void aListParameterWithoutAValueIsRefused() {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, "Set-Mailbox alice -AuditOwner");

        assertThat(outcome.error()).startsWith("Missing an argument for parameter 'AuditOwner'.");
    }

    @Test
    void aHashTableTakesOnlyAddAndRemove() {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, "Set-Mailbox alice -AuditOwner @{Replace='Move'}");

        assertThat(outcome.error()).contains("only the keys Add and Remove", "'Replace'");
    }

    @Test
    void theIdentityIsMandatory() {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, "Set-Mailbox -AuditOwner None");

        assertThat(outcome.error()).contains("missing mandatory parameters: Identity");
    }

    private void accept(String line) {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, line);
        assertThat(outcome.error()).as(line).isNull();
    }

    private void refuse(String line) {
        assertThat(AuditCmdlets.run(configuration, line).succeeded()).as(line).isFalse();
    }
}
