package dev.mailtrail.core.generate;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.event.MailboxAccess;
import java.util.Objects;

/**
 * The context that splits MailItemsAccessed records and that de-duplication compares: ClientIPAddress,
 * ClientInfoString, LogonType, MailAccessType, mailbox, acting user, SessionId. A value class rather than a
 * record so that its hash is computed once: every read looks it up, directly and inside de-duplication keys.
 */
final class AccessContext {
    private final String mailbox;
    private final String actor;
    private final LogonType logonType;
    private final MailAccessType accessType;
    private final String clientIp;
    private final String clientInfo;
    private final String sessionId;
    private final int hash;

    private AccessContext(
            String mailbox,
            String actor,
            LogonType logonType,
            MailAccessType accessType,
            String clientIp,
            String clientInfo,
            String sessionId) {
        this.mailbox = mailbox;
        this.actor = actor;
        this.logonType = logonType;
        this.accessType = accessType;
        this.clientIp = clientIp;
        this.clientInfo = clientInfo;
        this.sessionId = sessionId;
        this.hash = hash(mailbox, actor, logonType, accessType, clientIp, clientInfo, sessionId);
    }

    static int hash(
            String mailbox,
            String actor,
            LogonType logonType,
            MailAccessType accessType,
            String clientIp,
            String clientInfo,
            String sessionId) {
        int h = Objects.hashCode(mailbox);
        h = 31 * h + Objects.hashCode(actor);
        h = 31 * h + Objects.hashCode(sessionId);
        h = 31 * h + Objects.hashCode(clientIp);
        h = 31 * h + Objects.hashCode(clientInfo);
        return 31 * (31 * h + logonType.ordinal()) + accessType.ordinal();
    }

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

    GeneratorState.ContextKey key() {
        return new GeneratorState.ContextKey(mailbox, actor, logonType, accessType, clientIp, clientInfo, sessionId);
    }

    static AccessContext of(GeneratorState.ContextKey key) {
        return new AccessContext(
                key.mailbox(),
                key.actor(),
                key.logonType(),
                key.accessType(),
                key.clientIp(),
                key.clientInfo(),
                key.sessionId());
    }

    @Override
    public boolean equals(Object other) {
        return other == this
                || other instanceof AccessContext that
                        && hash == that.hash
                        && logonType == that.logonType
                        && accessType == that.accessType
                        && Objects.equals(sessionId, that.sessionId)
                        && Objects.equals(mailbox, that.mailbox)
                        && Objects.equals(actor, that.actor)
                        && Objects.equals(clientIp, that.clientIp)
                        && Objects.equals(clientInfo, that.clientInfo);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "AccessContext[" + mailbox + ", " + actor + ", " + logonType + ", " + accessType + ", " + clientIp + ", "
                + clientInfo + ", " + sessionId + "]";
    }
}
