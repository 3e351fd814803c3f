package dev.mailtrail.core.generate;

import dev.mailtrail.core.decision.Verdict;
import java.util.Map;

/**
 * What the audit core did with what it was given, so that nothing is ever suppressed unseen: every bind ends
 * in a record ({@code bindsRecorded}), or is counted as de-duplicated, throttled or not audited.
 *
 * @param notAudited accesses that no list asked for, by reason
 */
public record AuditStatistics(
        long events,
        Map<Verdict, Long> notAudited,
        long bindsRecorded,
        long bindsDeduplicated,
        long bindsThrottled,
        long bindsNotAudited,
        long syncsRecorded,
        long syncsDeduplicated,
        long folderBindsDeduplicated,
        long records,
        long throttledRecords,
        long cmdletsSucceeded,
        long cmdletsFailed) {

    public AuditStatistics {
        notAudited = Map.copyOf(notAudited);
    }

    /** Binds handed to the core, whatever became of them. */
    public long bindsSeen() {
        return bindsRecorded + bindsDeduplicated + bindsThrottled + bindsNotAudited;
    }
}
