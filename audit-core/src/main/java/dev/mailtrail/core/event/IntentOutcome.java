package dev.mailtrail.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * How the server answered a command whose {@link AccessIntent} was journaled ({@code "kind":"outcome"}): the
 * accesses it revealed were journaled before it, so the intent is closed and makes no record of its own.
 *
 * @param intent the intent's id
 * @param answer the server's answer ({@code OK}, {@code NO}, {@code BAD}, {@code +OK}, {@code -ERR}), or {@code
 *     LOST} when the session ended before it came (its items no access named are then recorded, as on recovery)
 */
public record IntentOutcome(Instant time, String actor, Session session, String intent, String answer)
        implements AuditEvent {

    /** The session ended before the server answered: what no access named may have gone out. */
    public static final String LOST = "LOST";

    public IntentOutcome {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(answer, "answer");
        session = session == null ? Session.NONE : session;
    }

    /** The session ended with the intent open. */
    public boolean lost() {
        return LOST.equals(answer);
    }
}
