package dev.mailtrail.sensor.dovecot.map;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.proxy.imap.session.FolderNames;
import dev.mailtrail.proxy.session.MessageSelection;
import dev.mailtrail.sensor.dovecot.event.DovecotEvent;
import dev.mailtrail.sensor.dovecot.map.SessionTrack.Touch;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a mapped event looks: who acted (a master user as Admin, another user's folder as Delegate), in which folder
 * (the proxy's naming), through which session, on which items ({@code owner/folder;uid=U}).
 */
final class AccessShapes {
    private final FolderNames names;

    AccessShapes(FolderNames names) {
        this.names = names;
    }

    /** One event for touches of one folder of one user (as they always are within one command). */
    MappedAccess touched(
            SessionTrack t,
            DovecotEvent e,
            Instant time,
            MailboxAction action,
            MailAccessType type,
            String target,
            List<Touch> touches) {
        Touch first = touches.getFirst();
        FolderNames.Located at = names.locate(first.mailbox(), first.user());
        String folderId = FolderNames.id(at, 0);
        Set<Long> uids = new LinkedHashSet<>();
        touches.forEach(x -> uids.add(x.uid()));
        List<ItemRef> items = uids.stream()
                .map(u -> new ItemRef(null, folderId + ";uid=" + u, null, null))
                .toList();
        FolderRef dest = null;
        if (target != null) {
            FolderNames.Located to = names.locate(target, first.user());
            dest = new FolderRef(FolderNames.id(to, 0), names.path(to.name()));
        }
        MailboxAccess access = access(t, e, time, action, type, at, 0, dest, items);
        return new MappedAccess(access, at.owner(), at.name(), new MessageSelection.Uids(List.copyOf(uids)));
    }

    MailboxAccess access(
            SessionTrack t,
            DovecotEvent e,
            Instant time,
            MailboxAction action,
            MailAccessType type,
            FolderNames.Located at,
            long uidValidity,
            FolderRef dest,
            List<ItemRef> items) {
        String user = e.fields().get("user") instanceof String u ? u : at.owner();
        LogonType logon =
                t.master != null ? LogonType.ADMIN : at.owner().equals(user) ? LogonType.OWNER : LogonType.DELEGATE;
        FolderRef folder = new FolderRef(FolderNames.id(at, uidValidity), names.path(at.name()));
        return new MailboxAccess(
                time,
                actor(t, user),
                at.owner(),
                logon,
                action,
                type,
                session(t, e),
                folder,
                dest,
                items,
                null,
                List.of());
    }

    String actor(SessionTrack t, String user) {
        return t.master != null ? t.master : user;
    }

    Session session(SessionTrack t, DovecotEvent e) {
        String ip = e.fields().get("remote_ip") instanceof String r ? r : t.clientIp;
        if (t.service == null) {
            t.service = e.fromService("pop3") ? "pop3" : e.fromService("imap") ? "imap" : null;
        }
        return new Session(t.id, ip, t.clientInfo(), null);
    }
}
