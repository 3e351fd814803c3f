package dev.mailtrail.core.decision;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.MailboxType;

/**
 * Whether an access is audited, and why. The reason is built only when asked, since the decision is on
 * every access's path.
 */
public record AuditDecision(
        Verdict verdict,
        LogonType logonType,
        MailboxAction action,
        String mailbox,
        String actor,
        MailboxType mailboxType,
        boolean legacyMessageBind) {

    public boolean audited() {
        return verdict == Verdict.AUDITED;
    }

    /** The sentence shown to users, e.g. {@code not audited: Owner list lacks MailboxLogin}. */
    public String reason() {
        String list = logonType.cmdletName() + " list";
        return switch (verdict) {
            case AUDITED -> "audited: " + list + " has " + action.exchangeName();
            case AUDIT_DISABLED -> "not audited: organization AuditDisabled is True";
            case MAILBOX_NOT_AUDITED ->
                mailboxType.auditedByDefault()
                        ? "not audited: mailbox " + mailbox + " has AuditEnabled False (per-mailbox audit mode)"
                        : "not audited: " + mailboxType.exchangeName() + " " + mailbox + " has AuditEnabled False";
            case AUDIT_BYPASS -> "not audited: " + actor + " has AuditBypassEnabled True";
            case NOT_IN_LIST ->
                legacyMessageBind
                        ? "not audited: " + list + " lacks " + action.exchangeName()
                                + " (its MessageBind is deprecated and no longer produced)"
                        : "not audited: " + list + " lacks " + action.exchangeName();
            case NOT_AUDITABLE ->
                "not audited: " + action.exchangeName() + " is not auditable for " + logonType.cmdletName() + " logons";
        };
    }
}
