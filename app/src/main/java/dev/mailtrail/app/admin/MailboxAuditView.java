package dev.mailtrail.app.admin;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditLogAgeLimit;
import dev.mailtrail.core.config.MailboxAuditConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code Get-Mailbox -Identity X | Format-List Audit*, DefaultAuditSet}: the properties an Exchange admin
 * checks, in the order and spelling Exchange prints them. Lists follow Exchange's own order (its
 * MailboxAuditOperations flag order), not the alphabet, so they read the same as in Exchange.
 */
public final class MailboxAuditView {
    /** Exchange's MailboxAuditOperations order: how Get-Mailbox prints a list. */
    private static final List<MailboxAction> EXCHANGE_ORDER = List.of(
            MailboxAction.UPDATE,
            MailboxAction.COPY,
            MailboxAction.MOVE,
            MailboxAction.MOVE_TO_DELETED_ITEMS,
            MailboxAction.SOFT_DELETE,
            MailboxAction.HARD_DELETE,
            MailboxAction.FOLDER_BIND,
            MailboxAction.SEND_AS,
            MailboxAction.SEND_ON_BEHALF,
            MailboxAction.MESSAGE_BIND,
            MailboxAction.CREATE,
            MailboxAction.UPDATE_FOLDER_PERMISSIONS,
            MailboxAction.ADD_FOLDER_PERMISSIONS,
            MailboxAction.MODIFY_FOLDER_PERMISSIONS,
            MailboxAction.REMOVE_FOLDER_PERMISSIONS,
            MailboxAction.UPDATE_INBOX_RULES,
            MailboxAction.UPDATE_CALENDAR_DELEGATION,
            MailboxAction.RECORD_DELETE,
            MailboxAction.APPLY_RECORD,
            MailboxAction.MAIL_ITEMS_ACCESSED,
            MailboxAction.UPDATE_COMPLIANCE_TAG,
            MailboxAction.SEND,
            MailboxAction.SEARCH_QUERY_INITIATED,
            MailboxAction.MAILBOX_LOGIN);

    private MailboxAuditView() {}

    public static String formatList(MailboxAuditConfig mailbox, Baseline baseline) {
        return property("Identity", mailbox.identity())
                + property("RecipientTypeDetails", mailbox.type().exchangeName())
                + property("AuditEnabled", mailbox.auditEnabled() ? "True" : "False")
                + property("AuditLogAgeLimit", AuditLogAgeLimit.format(mailbox.auditLogAgeLimit()))
                + property("AuditAdmin", list(mailbox.actions(LogonType.ADMIN, baseline)))
                + property("AuditDelegate", list(mailbox.actions(LogonType.DELEGATE, baseline)))
                + property("AuditOwner", list(mailbox.actions(LogonType.OWNER, baseline)))
                + property(
                        "DefaultAuditSet",
                        mailbox.defaultAuditSet().stream()
                                .map(LogonType::cmdletName)
                                .sorted()
                                .collect(Collectors.joining(", ", "{", "}")));
    }

    static String list(Set<MailboxAction> actions) {
        return ordered(actions).stream().collect(Collectors.joining(", ", "{", "}"));
    }

    /** The actions' names in the order Get-Mailbox prints them. */
    static List<String> ordered(Set<MailboxAction> actions) {
        return actions.stream()
                .sorted(Comparator.comparingInt(EXCHANGE_ORDER::indexOf))
                .map(MailboxAction::exchangeName)
                .toList();
    }

    /** Every action in the order Get-Mailbox prints lists. */
    static List<MailboxAction> exchangeOrder() {
        return EXCHANGE_ORDER;
    }

    private static String property(String name, String value) {
        return "%-20s : %s%n".formatted(name, value);
    }
}
