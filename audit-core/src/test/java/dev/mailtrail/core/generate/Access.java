package dev.mailtrail.core.generate;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Who touches which mailbox through which session and folder; then {@link #bind}, {@link #sync} or
 * {@link #operation} say what they did and when. Messages are named by a short id ({@code "A"}), which becomes
 * the item's {@code Id} and the InternetMessageId {@code <A@contoso.com>}.
 */
record Access(String mailbox, String actor, LogonType logonType, Session session, FolderRef folder) {
    static final FolderRef INBOX = folderAt("\\Inbox");

    static Access owner(String mailbox) {
        return new Access(
                mailbox, mailbox, LogonType.OWNER, new Session("session1", "192.0.2.1", "Client=IMAP4", null), INBOX);
    }

    static FolderRef folderAt(String path) {
        return new FolderRef("folder:" + path, path);
    }

    static ItemRef message(String id) {
        return new ItemRef("<" + id + "@contoso.com>", id, 1_000L, "subject " + id);
    }

    Access by(String newActor, LogonType newLogonType) {
        return new Access(mailbox, newActor, newLogonType, session, folder);
    }

    Access session(String id) {
        return new Access(
                mailbox, actor, logonType, new Session(id, session.clientIp(), session.clientInfo(), null), folder);
    }

    Access ip(String clientIp) {
        return new Access(
                mailbox, actor, logonType, new Session(session.id(), clientIp, session.clientInfo(), null), folder);
    }

    Access clientInfo(String clientInfo) {
        return new Access(
                mailbox, actor, logonType, new Session(session.id(), session.clientIp(), clientInfo, null), folder);
    }

    Access in(String folderPath) {
        return new Access(mailbox, actor, logonType, session, folderAt(folderPath));
    }

    MailboxAccess bind(Instant at, String... messageIds) {
        return access(at, MailboxAction.MAIL_ITEMS_ACCESSED, MailAccessType.BIND, null, messageIds);
    }

    MailboxAccess sync(Instant at, String... messageIds) {
        return access(at, MailboxAction.MAIL_ITEMS_ACCESSED, MailAccessType.SYNC, null, messageIds);
    }

    MailboxAccess operation(Instant at, MailboxAction operation, String... messageIds) {
        return access(at, operation, null, null, messageIds);
    }

    MailboxAccess move(Instant at, MailboxAction operation, String destPath, String... messageIds) {
        return access(at, operation, null, folderAt(destPath), messageIds);
    }

    private MailboxAccess access(
            Instant at, MailboxAction operation, MailAccessType accessType, FolderRef dest, String... messageIds) {
        List<ItemRef> items = Arrays.stream(messageIds).map(Access::message).toList();
        return new MailboxAccess(
                at, actor, mailbox, logonType, operation, accessType, session, folder, dest, items, null, null);
    }
}
