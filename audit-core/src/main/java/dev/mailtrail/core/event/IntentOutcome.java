package dev.mailtrail.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How the server answered a command whose {@link AccessIntent} was journaled ({@code "kind":"outcome"}): the
 * accesses it revealed were journaled before it, so the intent is closed and makes no record of its own.
 *
 * @param intent the intent's id
 * @param answer the server's answer ({@code OK}, {@code NO}, {@code BAD}, {@code +OK}, {@code -ERR}), or {@code
 *     LOST} when the session ended before it came (its items no access named are then recorded, as on recovery)
 * @param names what the server said of the intent's items since, each carrying the item's id (a LOST intent's
 *     messages named through the lookup account, as a crash's are at restart); the record of what no access named
 *     takes their Message-ID, subject and size. Usually none.
 */
public record IntentOutcome(
        Instant time, String actor, Session session, String intent, String answer, List<ItemRef> names)
        implements AuditEvent {

    /** The session ended before the server answered: what no access named may have gone out. */
    public static final String LOST = "LOST";

    public IntentOutcome {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(answer, "answer");
        session = session == null ? Session.NONE : session;
        names = names == null ? List.of() : List.copyOf(names);
    }

    /** An outcome that names nothing. */
    public IntentOutcome(Instant time, String actor, Session session, String intent, String answer) {
        this(time, actor, session, intent, answer, List.of());
    }

    /** The same outcome with {@code found} as its names. */
    public IntentOutcome withNames(List<ItemRef> found) {
        return new IntentOutcome(time, actor, session, intent, answer, found);
    }

    /** The session ended with the intent open. */
    public boolean lost() {
        return LOST.equals(answer);
    }
}
