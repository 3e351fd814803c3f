package dev.mailtrail.core.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.MailboxAuditConfig;
import dev.mailtrail.core.config.OrganizationConfig;
import org.junit.jupiter.api.Test;

/** A list parameter given no value, or a hash table where a list belongs, is refused rather than read as empty. */
class ListParameterShapeTest {
    private final AuditConfiguration configuration = new AuditConfiguration(OrganizationConfig.defaults());

    @Test
    void excludedActionsWithoutAValueAreRefusedNotCleared() {
        accept("Set-OrganizationConfig -UnifiedAuditLogExcludedActions MailItemsAccessed");

        CmdletOutcome outcome =
                AuditCmdlets.run(configuration, "Set-OrganizationConfig -UnifiedAuditLogExcludedActions");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).startsWith("Missing an argument for parameter 'UnifiedAuditLogExcludedActions'.");
        assertThat(configuration.organization().keptOutOfUnifiedLog())
                .containsExactly(MailboxAction.MAIL_ITEMS_ACCESSED);
    }

    @Test
    void excludedActionsGivenAHashTableAreRefusedNotCleared() {
        accept("Set-OrganizationConfig -UnifiedAuditLogExcludedActions MailItemsAccessed");

        CmdletOutcome outcome =
                AuditCmdlets.run(configuration, "Set-OrganizationConfig -UnifiedAuditLogExcludedActions @{Add='Send'}");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).contains("UnifiedAuditLogExcludedActions", "hash table");
        assertThat(configuration.organization().keptOutOfUnifiedLog())
                .containsExactly(MailboxAction.MAIL_ITEMS_ACCESSED);
    }

    @Test
    void defaultAuditSetWithoutAValueOrWithAHashTableIsRefused() {
        accept("Set-Mailbox alice -AuditOwner None");
        MailboxAuditConfig before = configuration.mailbox("alice");

        CmdletOutcome bare = AuditCmdlets.run(configuration, "Set-Mailbox alice -DefaultAuditSet");
        CmdletOutcome table = AuditCmdlets.run(configuration, "Set-Mailbox alice -DefaultAuditSet @{Add='Owner'}");

        assertThat(bare.error()).startsWith("Missing an argument for parameter 'DefaultAuditSet'.");
        assertThat(table.error()).contains("DefaultAuditSet", "hash table");
        assertThat(configuration.mailbox("alice")).isEqualTo(before);
    }

    @Test
    void aHashTableInsideAnEditIsRefusedAndStillRecorded() {
        CmdletOutcome outcome =
                AuditCmdlets.run(configuration, "Set-Mailbox alice -AuditOwner @{Add=@{Remove='Update'}}");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).contains("AuditOwner", "hash table");
        assertThat(outcome.parameters()).extracting(p -> p.name()).containsExactly("Identity", "AuditOwner");
        assertThat(configuration.mailbox("alice").defaultAuditSet()).contains(LogonType.OWNER);
    }

    private void accept(String line) {
        assertThat(AuditCmdlets.run(configuration, line).error()).as(line).isNull();
    }
}
