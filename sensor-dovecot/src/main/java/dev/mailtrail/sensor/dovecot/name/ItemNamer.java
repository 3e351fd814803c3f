package dev.mailtrail.sensor.dovecot.name;

import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.sensor.dovecot.map.MappedAccess;
import dev.mailtrail.sensor.dovecot.map.NamingHint;

/** Gives a mapped event's items their Message-ID, subject and size where it can; an item it cannot name keeps its UID. */
public interface ItemNamer {

    MailboxAccess name(MappedAccess mapped);

    /** Messages a client listed: a namer that can, names them now, without waiting, for a later delete or move. */
    default void warm(NamingHint hint) {}

    /** Names nothing: the items keep {@code owner/folder;uid=U} (no lookup account configured). */
    ItemNamer UIDS_ONLY = MappedAccess::access;
}
