package dev.mailtrail.core.event;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something touched a mailbox ({@code "kind":"access"}). A Bind with several items counts as that many binds.
 *
 * @param accessType Bind or Sync for MailItemsAccessed, null for every other operation
 * @param folder the folder acted in, null where the operation has none (MailboxLogin)
 * @param destFolder the target of Move, Copy, MoveToDeletedItems; else null
 * @param parameters rule or permission details (e.g. an inbox rule's conditions and actions)
 */
public record MailboxAccess(
        Instant time,
        String actor,
        String mailbox,
        LogonType logonType,
        MailboxAction operation,
        MailAccessType accessType,
        Session session,
        FolderRef folder,
        FolderRef destFolder,
        List<ItemRef> items,
        ResultStatus result,
        List<NameValue> parameters)
        implements AuditEvent {

    public MailboxAccess {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(logonType, "logonType");
        Objects.requireNonNull(operation, "operation");
        session = session == null ? Session.NONE : session;
        items = items == null ? List.of() : List.copyOf(items);
        result = result == null ? ResultStatus.SUCCEEDED : result;
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        if (operation == MailboxAction.MAIL_ITEMS_ACCESSED && accessType == null) {
            throw new IllegalArgumentException("MailItemsAccessed needs an accessType (Bind or Sync)");
        }
    }
}
