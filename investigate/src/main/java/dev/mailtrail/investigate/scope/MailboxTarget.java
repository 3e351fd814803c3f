package dev.mailtrail.investigate.scope;

import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import java.util.List;
import java.util.Locale;

/**
 * Which records concern a mailbox: its own mailbox audit records ({@code MailboxOwnerUPN}), the cmdlets run
 * against it ({@code -Identity} or {@code ObjectId}, where inbox rules appear as {@code org/mailbox\rule}), and
 * what its own account did elsewhere (a sign-in has no mailbox field).
 */
final class MailboxTarget {
    private static final int EXCHANGE_ADMIN = 1;

    private final String mailbox;

    MailboxTarget(String mailbox) {
        this.mailbox = mailbox.strip().toLowerCase(Locale.ROOT);
    }

    boolean concerns(AuditRecord record) {
        if (record.mailboxOwnerUpn() != null) {
            return same(record.mailboxOwnerUpn());
        }
        if (record.recordType() == EXCHANGE_ADMIN) {
            return isTarget(record);
        }
        return same(record.userId()) || same(record.objectId());
    }

    /** Whether an admin record's cmdlet was run against this mailbox. */
    boolean isTarget(AuditRecord record) {
        String identity = parameter(record.parameters(), "Identity");
        if (identity != null && (same(identity) || namesMailbox(identity))) {
            return true;
        }
        return record.objectId() != null && (same(record.objectId()) || namesMailbox(record.objectId()));
    }

    boolean same(String text) {
        return text != null && text.strip().toLowerCase(Locale.ROOT).equals(mailbox);
    }

    private boolean namesMailbox(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith("/" + mailbox)
                || lower.endsWith("\\" + mailbox)
                || lower.contains("/" + mailbox + "\\")
                || lower.startsWith(mailbox + "\\")
                || lower.startsWith(mailbox + ":\\");
    }

    static String parameter(List<NameValue> values, String name) {
        if (values == null) {
            return null;
        }
        for (NameValue value : values) {
            if (name.equalsIgnoreCase(value.name())) {
                return value.value();
            }
        }
        return null;
    }
}
