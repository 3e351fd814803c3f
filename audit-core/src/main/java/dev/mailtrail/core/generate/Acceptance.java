package dev.mailtrail.core.generate;

import dev.mailtrail.core.cmdlet.CmdletOutcome;
import dev.mailtrail.core.decision.AuditDecision;

/**
 * What became of an accepted event: the audit decision for an access, or the outcome of a cmdlet line.
 * Exactly one is set.
 */
public record Acceptance(AuditDecision decision, CmdletOutcome cmdlet) {
    static Acceptance of(AuditDecision decision) {
        return new Acceptance(decision, null);
    }

    static Acceptance of(CmdletOutcome outcome) {
        return new Acceptance(null, outcome);
    }
}
