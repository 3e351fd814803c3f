package dev.mailtrail.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.MailboxAuditConfig;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class MailboxAuditViewTest {
    @Test
    void showsTheAuditPropertiesAsFormatListDoes() {
        MailboxAuditConfig alice = MailboxAuditConfig.newUserMailbox("alice@contoso.com")
                .withCustomList(LogonType.OWNER, EnumSet.of(MailboxAction.MAILBOX_LOGIN, MailboxAction.HARD_DELETE));

        String view = MailboxAuditView.formatList(alice, Baseline.B2019_02);

        assertThat(view)
                .contains("AuditEnabled         : True")
                .contains("AuditLogAgeLimit     : 90.00:00:00")
                .contains("AuditOwner           : {HardDelete, MailboxLogin}")
                .contains("DefaultAuditSet      : {Admin, Delegate}")
                .contains("AuditDelegate        : {Update, MoveToDeletedItems, SoftDelete, HardDelete, SendAs,"
                        + " SendOnBehalf, Create, UpdateFolderPermissions, UpdateInboxRules, MailItemsAccessed}");
    }
}
