package dev.mailtrail.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.MailboxType;
import org.junit.jupiter.api.Test;

class AuditDecisionTest {
    @Test
    void eachVerdictHasItsSentence() {
        assertThat(decision(Verdict.AUDITED).reason()).isEqualTo("audited: Delegate list has MailItemsAccessed");
        assertThat(decision(Verdict.AUDIT_DISABLED).reason())
                .isEqualTo("not audited: organization AuditDisabled is True");
        assertThat(decision(Verdict.AUDIT_BYPASS).reason())
                .isEqualTo("not audited: bob@contoso.com has AuditBypassEnabled True");
        assertThat(decision(Verdict.NOT_IN_LIST).reason())
                .isEqualTo("not audited: Delegate list lacks MailItemsAccessed");
        assertThat(decision(Verdict.NOT_AUDITABLE).reason())
                .isEqualTo("not audited: MailItemsAccessed is not auditable for Delegate logons");
        assertThat(decision(Verdict.MAILBOX_NOT_AUDITED).reason())
                .isEqualTo("not audited: mailbox alice@contoso.com has AuditEnabled False (per-mailbox audit mode)");
    }

    @Test
    void onlyTheAuditedVerdictIsAudited() {
        for (Verdict verdict : Verdict.values()) {
            assertThat(decision(verdict).audited()).isEqualTo(verdict == Verdict.AUDITED);
        }
    }

    private static AuditDecision decision(Verdict verdict) {
        return new AuditDecision(
                verdict,
                LogonType.DELEGATE,
                MailboxAction.MAIL_ITEMS_ACCESSED,
                "alice@contoso.com",
                "bob@contoso.com",
                MailboxType.USER_MAILBOX,
                false);
    }
}
