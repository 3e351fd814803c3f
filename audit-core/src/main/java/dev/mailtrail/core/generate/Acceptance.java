package dev.mailtrail.core.generate;

import dev.mailtrail.core.cmdlet.CmdletOutcome;
import dev.mailtrail.core.decision.AuditDecision;

/**
 * What became of an accepted event: the audit decision for an access, or the outcome of a cmdlet line.
 * At most one is set: neither for an intent or its outcome, which decide nothing by themselves.
 */
public record Acceptance(AuditDecision decision, CmdletOutcome cmdlet) {
    /** An intent or an outcome: nothing decided. */
    public static final Acceptance NONE = new Acceptance(null, null);

    static Acceptance of(AuditDecision decision) {
        return new Acceptance(decision, null);
    }

    static Acceptance of(CmdletOutcome outcome) {
        return new Acceptance(null, outcome);
    }
}
