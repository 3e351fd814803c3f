package dev.mailtrail.investigate.scope;

import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.mailboxes.MailboxIdentity;
import dev.mailtrail.investigate.mailboxes.MailboxName;
import dev.mailtrail.investigate.mailboxes.RecordNames;
import java.util.List;
import java.util.Set;

/**
 * Which records concern a mailbox, by any of its names in the case: its own mailbox audit records
 * ({@code MailboxOwnerUPN}, {@code MailboxGuid}, {@code MailboxOwnerSid}), the cmdlets run against it
 * ({@code -Identity}, {@code -Mailbox} or {@code ObjectId}, where inbox rules appear as {@code org/<name>\rule} and
 * the name is often a GUID), and what its own account did elsewhere (a sign-in has no mailbox field).
 */
final class MailboxTarget {
    private static final int EXCHANGE_ADMIN = 1;

    private final MailboxIdentity identity;
    private final Set<String> names;

    MailboxTarget(MailboxIdentity identity) {
        this.identity = identity;
        this.names = identity.values();
    }

    MailboxTarget(String mailbox) {
        this(MailboxIdentity.only(mailbox));
    }

    MailboxIdentity identity() {
        return identity;
    }

    boolean concerns(AuditRecord record) {
        if (RecordNames.hasOwnerFields(record)) {
            // Without MailboxOwnerUPN, a GUID or SID the case never tied to the mailbox leaves UserId to say it.
            return namedBy(RecordNames.mailboxNames(record))
                    || (record.mailboxOwnerUpn() == null && (same(record.userId()) || same(record.objectId())));
        }
        if (record.recordType() == EXCHANGE_ADMIN) {
            return isTarget(record);
        }
        return namedBy(RecordNames.mailboxNames(record)) || same(record.userKey());
    }

    /** Whether an admin record's cmdlet was run against this mailbox. */
    boolean isTarget(AuditRecord record) {
        return namedBy(RecordNames.cmdletTargetNames(record));
    }

    boolean same(String text) {
        return text != null && names.contains(MailboxName.normalised(text));
    }

    private boolean namedBy(Set<String> candidates) {
        for (String candidate : candidates) {
            if (names.contains(candidate)) {
                return true;
            }
        }
        return false;
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
