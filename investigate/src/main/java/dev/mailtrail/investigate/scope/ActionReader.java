package dev.mailtrail.investigate.scope;

import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.RecordItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an attacker's record other than a read into an {@link AttackerAction}: sends, inbox rules, mailbox
 * forwarding, folder and mailbox permissions, deletes, moves, searches, sign-ins and audit changes, each with its
 * parameters in words. MailItemsAccessed is not an action: it is what the scope's reads and syncs come from.
 */
final class ActionReader {
    private static final Map<String, AttackerAction.Kind> KINDS = Map.ofEntries(
            Map.entry("Send", AttackerAction.Kind.SEND),
            Map.entry("SendAs", AttackerAction.Kind.SEND),
            Map.entry("SendOnBehalf", AttackerAction.Kind.SEND),
            Map.entry("New-InboxRule", AttackerAction.Kind.INBOX_RULE),
            Map.entry("Set-InboxRule", AttackerAction.Kind.INBOX_RULE),
            Map.entry("Enable-InboxRule", AttackerAction.Kind.INBOX_RULE),
            Map.entry("Disable-InboxRule", AttackerAction.Kind.INBOX_RULE),
            Map.entry("Remove-InboxRule", AttackerAction.Kind.INBOX_RULE),
            Map.entry("UpdateInboxRules", AttackerAction.Kind.INBOX_RULE),
            Map.entry("AddFolderPermissions", AttackerAction.Kind.PERMISSION),
            Map.entry("ModifyFolderPermissions", AttackerAction.Kind.PERMISSION),
            Map.entry("UpdateFolderPermissions", AttackerAction.Kind.PERMISSION),
            Map.entry("RemoveFolderPermissions", AttackerAction.Kind.PERMISSION),
            Map.entry("Add-MailboxPermission", AttackerAction.Kind.PERMISSION),
            Map.entry("Add-MailboxFolderPermission", AttackerAction.Kind.PERMISSION),
            Map.entry("Set-MailboxFolderPermission", AttackerAction.Kind.PERMISSION),
            Map.entry("Add-RecipientPermission", AttackerAction.Kind.PERMISSION),
            Map.entry("SoftDelete", AttackerAction.Kind.DELETE),
            Map.entry("HardDelete", AttackerAction.Kind.DELETE),
            Map.entry("MoveToDeletedItems", AttackerAction.Kind.DELETE),
            Map.entry("Move", AttackerAction.Kind.MOVE),
            Map.entry("Copy", AttackerAction.Kind.MOVE),
            Map.entry("SearchQueryInitiatedExchange", AttackerAction.Kind.SEARCH),
            Map.entry("MailboxLogin", AttackerAction.Kind.SIGN_IN),
            Map.entry("UserLoggedIn", AttackerAction.Kind.SIGN_IN),
            Map.entry("Set-OrganizationConfig", AttackerAction.Kind.AUDIT_CHANGE),
            Map.entry("Set-MailboxAuditBypassAssociation", AttackerAction.Kind.AUDIT_CHANGE),
            Map.entry("Set-AdminAuditLogConfig", AttackerAction.Kind.AUDIT_CHANGE));
    private static final List<String> FORWARDING = List.of("ForwardingSmtpAddress", "ForwardingAddress");
    private static final List<String> AUDIT_PARAMETERS =
            List.of("AuditEnabled", "AuditOwner", "AuditDelegate", "AuditAdmin", "AuditLogAgeLimit", "DefaultAuditSet");

    private ActionReader() {}

    static Optional<AttackerAction> read(AuditRecord record) {
        String operation = record.operation();
        if (operation == null || "MailItemsAccessed".equals(operation)) {
            return Optional.empty();
        }
        AttackerAction.Kind kind = KINDS.getOrDefault(operation, null);
        if (kind == null && "Set-Mailbox".equals(operation)) {
            kind = setMailboxKind(record);
        }
        if (kind == null) {
            kind = record.recordType() == 1 ? AttackerAction.Kind.OTHER : null;
        }
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(new AttackerAction(
                record.creationTime(),
                kind,
                operation,
                summary(kind, record),
                details(kind, record),
                items(kind, record),
                messages(kind, record),
                AccessContext.of(record)));
    }

    private static AttackerAction.Kind setMailboxKind(AuditRecord record) {
        for (String name : FORWARDING) {
            if (MailboxTarget.parameter(record.parameters(), name) != null) {
                return AttackerAction.Kind.MAILBOX_FORWARDING;
            }
        }
        for (String name : AUDIT_PARAMETERS) {
            if (MailboxTarget.parameter(record.parameters(), name) != null) {
                return AttackerAction.Kind.AUDIT_CHANGE;
            }
        }
        return AttackerAction.Kind.OTHER;
    }

    private static List<NameValue> details(AttackerAction.Kind kind, AuditRecord record) {
        if (kind == AttackerAction.Kind.INBOX_RULE) {
            return InboxRuleDescription.details(record);
        }
        if (record.parameters() != null) {
            return record.parameters();
        }
        return record.operationProperties() == null ? List.of() : record.operationProperties();
    }

    private static String summary(AttackerAction.Kind kind, AuditRecord record) {
        return switch (kind) {
            case SEND -> sent(record);
            case INBOX_RULE -> InboxRuleDescription.describe(record);
            case DELETE, MOVE -> itemsMoved(record);
            case SEARCH -> record.operation() + parametersInWords(record.operationProperties());
            case SIGN_IN -> record.operation() + " as " + record.userId();
            case MAILBOX_FORWARDING, PERMISSION, AUDIT_CHANGE, OTHER ->
                record.operation()
                        + parametersInWords(
                                record.parameters() != null ? record.parameters() : record.operationProperties());
        };
    }

    private static int items(AttackerAction.Kind kind, AuditRecord record) {
        return switch (kind) {
            case SEND -> 1;
            case DELETE, MOVE ->
                record.affectedItems() != null ? record.affectedItems().size() : record.item() != null ? 1 : 0;
            default -> 0;
        };
    }

    private static List<String> messages(AttackerAction.Kind kind, AuditRecord record) {
        if (kind != AttackerAction.Kind.DELETE && kind != AttackerAction.Kind.MOVE) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        List<RecordItem> items = record.affectedItems() != null
                ? record.affectedItems()
                : record.item() != null ? List.of(record.item()) : List.of();
        for (RecordItem item : items) {
            String key = item.internetMessageId() != null ? item.internetMessageId() : item.id();
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static String sent(AuditRecord record) {
        RecordItem item = record.item();
        if (item == null) {
            return record.operation() + " as " + record.userId();
        }
        return record.operation() + " "
                + (item.subject() == null ? "(no subject recorded)" : RuleWords.subject(item.subject()))
                + (item.internetMessageId() == null ? "" : " " + item.internetMessageId());
    }

    private static String itemsMoved(AuditRecord record) {
        List<String> subjects = new ArrayList<>();
        int count = 0;
        if (record.affectedItems() != null) {
            for (RecordItem item : record.affectedItems()) {
                count++;
                if (item.subject() != null) {
                    subjects.add(RuleWords.subject(item.subject()));
                }
            }
        } else if (record.item() != null) {
            count = 1;
            if (record.item().subject() != null) {
                subjects.add(RuleWords.subject(record.item().subject()));
            }
        }
        StringBuilder text =
                new StringBuilder(record.operation()).append(' ').append(count).append(count == 1 ? " item" : " items");
        if (record.folder() != null && record.folder().path() != null) {
            text.append(" from ").append(record.folder().path());
        }
        if (record.destFolder() != null && record.destFolder().path() != null) {
            text.append(" to ").append(record.destFolder().path());
        }
        if (!subjects.isEmpty()) {
            text.append(": ").append(String.join(", ", subjects));
        }
        return text.toString();
    }

    private static String parametersInWords(List<NameValue> values) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        List<String> words = new ArrayList<>();
        for (NameValue value : values) {
            if (!"DomainController".equals(value.name())) {
                words.add("-" + value.name() + " " + value.value());
            }
        }
        return words.isEmpty() ? "" : " " + String.join(" ", words);
    }
}
