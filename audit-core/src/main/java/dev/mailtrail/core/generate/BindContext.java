package dev.mailtrail.core.generate;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.event.MailboxAccess;
import java.util.Objects;

/**
 * One MailItemsAccessed Bind context (mailbox, acting user, LogonType, ClientIPAddress, ClientInfoString,
 * SessionId): the reads de-duplication remembers for it and its open window, if any. Holds the context's fields
 * itself, so that {@link BindContexts} finds it straight from an access.
 */
final class BindContext extends RecentReads {
    final int hash;
    private final String mailbox;
    private final String actor;
    private final LogonType logonType;
    private final String clientIp;
    private final String clientInfo;
    private final String sessionId;
    AccessWindow window;

    BindContext(MailboxAccess access, int hash, long deduplicationMillis) {
        super(deduplicationMillis);
        this.hash = hash;
        this.mailbox = access.mailbox();
        this.actor = access.actor();
        this.logonType = access.logonType();
        this.clientIp = access.session().clientIp();
        this.clientInfo = access.session().clientInfo();
        this.sessionId = access.session().id();
    }

    /** The hash of a Bind access's context, as {@link AccessContext} hashes it. */
    static int hashOf(MailboxAccess access) {
        return AccessContext.hash(
                access.mailbox(),
                access.actor(),
                access.logonType(),
                MailAccessType.BIND,
                access.session().clientIp(),
                access.session().clientInfo(),
                access.session().id());
    }

    GeneratorState.ContextKey key() {
        return new GeneratorState.ContextKey(
                mailbox, actor, logonType, MailAccessType.BIND, clientIp, clientInfo, sessionId);
    }

    /** A Bind access in {@code key}'s context, to find or make the context by. */
    static MailboxAccess accessIn(GeneratorState.ContextKey key) {
        return new MailboxAccess(
                java.time.Instant.EPOCH,
                key.actor(),
                key.mailbox(),
                key.logonType(),
                dev.mailtrail.core.action.MailboxAction.MAIL_ITEMS_ACCESSED,
                MailAccessType.BIND,
                new dev.mailtrail.core.event.Session(key.sessionId(), key.clientIp(), key.clientInfo(), null),
                null,
                null,
                null,
                null,
                null);
    }

    boolean matches(MailboxAccess access) {
        return logonType == access.logonType()
                && Objects.equals(sessionId, access.session().id())
                && Objects.equals(mailbox, access.mailbox())
                && Objects.equals(actor, access.actor())
                && Objects.equals(clientIp, access.session().clientIp())
                && Objects.equals(clientInfo, access.session().clientInfo());
    }
}
