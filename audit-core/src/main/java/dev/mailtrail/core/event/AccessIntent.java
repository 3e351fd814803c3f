package dev.mailtrail.core.event;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import java.time.Instant;
import java.util.Objects;

/**
 * A command that will reveal messages reached the sensor ({@code "kind":"intent"}): journaled before the server
 * answers, so that its bytes may go to the client as they arrive (docs/decisions/0011). It makes no record by
 * itself. The accesses decided from the answer complete it ({@code MailItemsAccessed} naming the same items in the
 * same session), and its {@link IntentOutcome} closes it; one never closed (a crash, a lost session) is resolved
 * into a record of the items no access named, since their bytes may have gone out.
 *
 * @param id unique in its session (the session id and a counter)
 * @param access what a read of every item would be: a {@code MailItemsAccessed} Bind in the folder, its items named
 *     by their folder-qualified UID (or sequence number when the session could not map it) and by the identities
 *     the sensor already knew; its parameters say what was asked ({@code MailTrailIntentItems}) and, where a set
 *     could not be mapped, which ({@code MailTrailIntentUnmapped})
 */
public record AccessIntent(String id, MailboxAccess access) implements AuditEvent {

    public AccessIntent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(access, "access");
        if (access.operation() != MailboxAction.MAIL_ITEMS_ACCESSED || access.accessType() != MailAccessType.BIND) {
            throw new IllegalArgumentException("an intent's access is a MailItemsAccessed Bind: " + access);
        }
    }

    @Override
    public Instant time() {
        return access.time();
    }

    @Override
    public String actor() {
        return access.actor();
    }

    /** The session the intent was made in. */
    public Session session() {
        return access.session();
    }
}
