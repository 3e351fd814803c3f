package dev.mailtrail.core.generate;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.event.MailboxAccess;

/**
 * The context that splits MailItemsAccessed records and that de-duplication compares: ClientIPAddress,
 * ClientInfoString, LogonType, MailAccessType, mailbox, acting user, SessionId.
 */
record AccessContext(
        String mailbox,
        String actor,
        LogonType logonType,
        MailAccessType accessType,
        String clientIp,
        String clientInfo,
        String sessionId) {

    static AccessContext of(MailboxAccess access) {
        return new AccessContext(
                access.mailbox(),
                access.actor(),
                access.logonType(),
                access.accessType(),
                access.session().clientIp(),
                access.session().clientInfo(),
                access.session().id());
    }
}
