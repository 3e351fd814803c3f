package dev.mailtrail.core.event;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A command that will reveal, destroy or send messages reached the sensor ({@code "kind":"intent"}): journaled
 * before the server answers, so that the answer's bytes may go to the client as they arrive (docs/decisions/0011).
 * It makes no record by itself. The accesses decided from the answer complete it (an access of the same {@link
 * Kind} naming the same items in the same session), and its {@link IntentOutcome} closes it; one never closed (a
 * crash, a lost session) is resolved into a record of the items no access named, since the server may have done
 * it.
 *
 * @param id unique in its session (the session id and a counter)
 * @param access what the command would be if it did all it asks: a {@code MailItemsAccessed} Bind for a read, a
 *     delete or move for a destruction, a send, its items named by their folder-qualified UID (or sequence number
 *     when the session could not map it) and by the identities the sensor already knew; its parameters say what was
 *     asked ({@code MailTrailIntentItems}) and, where a set could not be mapped, which ({@code
 *     MailTrailIntentUnmapped})
 */
public record AccessIntent(String id, MailboxAccess access) implements AuditEvent {

    /** What an intent announces; an access completes only an intent of its own kind. */
    public enum Kind {
        /** Message text goes to the client: {@code MailItemsAccessed}. */
        READ,
        /** Messages leave their folder: {@code SoftDelete}, {@code HardDelete}, {@code MoveToDeletedItems}, {@code Move}. */
        DESTROY,
        /** A message leaves the mailbox: {@code Send}, {@code SendAs}, {@code SendOnBehalf}. */
        SEND;

        /** The kind an access of {@code operation} completes, if any. */
        public static Optional<Kind> of(MailboxAction operation) {
            return Optional.ofNullable(
                    switch (operation) {
                        case MAIL_ITEMS_ACCESSED -> READ;
                        case SOFT_DELETE, HARD_DELETE, MOVE_TO_DELETED_ITEMS, MOVE -> DESTROY;
                        case SEND, SEND_AS, SEND_ON_BEHALF -> SEND;
                        default -> null;
                    });
        }
    }

    public AccessIntent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(access, "access");
        Kind kind = Kind.of(access.operation())
                .orElseThrow(() -> new IllegalArgumentException(
                        "an intent announces a read, a delete or move, or a send: " + access));
        if (kind == Kind.READ && access.accessType() != MailAccessType.BIND) {
            throw new IllegalArgumentException("a read's intent is a MailItemsAccessed Bind: " + access);
        }
    }

    /** What the intent announces. */
    public Kind kind() {
        return Kind.of(access.operation()).orElseThrow();
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
