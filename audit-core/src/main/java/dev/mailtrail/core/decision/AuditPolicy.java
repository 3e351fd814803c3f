package dev.mailtrail.core.decision;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.MailboxAuditConfig;
import dev.mailtrail.core.config.OrganizationConfig;
import java.util.Set;

/**
 * Exchange Online's decision, in its order: the organisation switch silences everything (bypass is then
 * moot); resource and public-folder mailboxes need their own AuditEnabled (as does every mailbox in the
 * pre-2019 per-mailbox mode); a bypassed actor is silent in every mailbox; otherwise the logon type's list
 * decides. {@code UpdateFolderPermissions} is also listed as its three aliases.
 */
public final class AuditPolicy {
    private AuditPolicy() {}

    public static AuditDecision decide(
            AuditConfiguration configuration, String mailbox, String actor, LogonType logonType, MailboxAction action) {
        return decide(
                configuration.organization(),
                configuration.mailbox(mailbox),
                configuration.bypassed(actor),
                actor,
                logonType,
                action);
    }

    public static AuditDecision decide(
            OrganizationConfig organization,
            MailboxAuditConfig mailbox,
            boolean actorBypassed,
            String actor,
            LogonType logonType,
            MailboxAction action) {
        Verdict verdict;
        Set<MailboxAction> list = null;
        if (organization.auditDisabled()) {
            verdict = Verdict.AUDIT_DISABLED;
        } else if (!mailbox.auditEnabled()
                && (!mailbox.type().auditedByDefault() || organization.auditEnabledHonoured())) {
            verdict = Verdict.MAILBOX_NOT_AUDITED;
        } else if (actorBypassed) {
            verdict = Verdict.AUDIT_BYPASS;
        } else if (!action.configurableFor(logonType)) {
            verdict = Verdict.NOT_AUDITABLE;
        } else {
            list = mailbox.actions(logonType, organization.baseline());
            verdict = listed(list, action) ? Verdict.AUDITED : Verdict.NOT_IN_LIST;
        }
        boolean legacy = list != null
                && action == MailboxAction.MAIL_ITEMS_ACCESSED
                && list.contains(MailboxAction.MESSAGE_BIND);
        return new AuditDecision(verdict, logonType, action, mailbox.identity(), actor, mailbox.type(), legacy);
    }

    private static boolean listed(Set<MailboxAction> list, MailboxAction action) {
        if (list.contains(action)) {
            return true;
        }
        return action == MailboxAction.UPDATE_FOLDER_PERMISSIONS
                && (list.contains(MailboxAction.ADD_FOLDER_PERMISSIONS)
                        || list.contains(MailboxAction.MODIFY_FOLDER_PERMISSIONS)
                        || list.contains(MailboxAction.REMOVE_FOLDER_PERMISSIONS));
    }
}
