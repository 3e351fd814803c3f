package dev.mailtrail.proxy.session;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.event.Session;
import java.time.Instant;
import java.util.List;

/**
 * Who acts in which folder through which session: everything an event about the folder needs besides the operation
 * and the items. {@code folderKey} is {@code owner/folder} as the Id's stem; with {@code uidValidity} it names the
 * folder for the Bind/Sync rule.
 */
public record FolderAccess(
        String actor,
        String mailbox,
        LogonType logonType,
        Session session,
        FolderRef folder,
        String folderKey,
        long uidValidity) {

    /** The item id {@code owner/folder;uidvalidity=N;uid=U}. */
    public String itemId(long uid) {
        return folder.id() + ";uid=" + uid;
    }

    /** The rule's scope: one folder, for one actor from one client address. */
    public DownloadActivity.Key downloadKey() {
        return new DownloadActivity.Key(actor, session.clientIp(), folderKey, uidValidity);
    }

    public MailboxAccess event(Instant time, MailboxAction operation, List<ItemRef> items) {
        return event(time, operation, null, null, items, List.of());
    }

    public MailboxAccess read(Instant time, MailAccessType type, List<ItemRef> items) {
        return event(time, MailboxAction.MAIL_ITEMS_ACCESSED, type, null, items, List.of());
    }

    public MailboxAccess event(
            Instant time,
            MailboxAction operation,
            MailAccessType type,
            FolderRef destFolder,
            List<ItemRef> items,
            List<NameValue> parameters) {
        return new MailboxAccess(
                time, actor, mailbox, logonType, operation, type, session, folder, destFolder, items, null, parameters);
    }
}
