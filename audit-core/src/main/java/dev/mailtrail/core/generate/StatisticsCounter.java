package dev.mailtrail.core.generate;

import dev.mailtrail.core.decision.Verdict;
import java.util.EnumMap;
import java.util.Map;

/** The mutable counters behind {@link AuditStatistics}; owned by one generator. */
final class StatisticsCounter {
    long events;
    final long[] notAudited = new long[Verdict.values().length];
    long bindsRecorded;
    long bindsDeduplicated;
    long bindsThrottled;
    long bindsNotAudited;
    long syncsRecorded;
    long syncsDeduplicated;
    long folderBindsDeduplicated;
    long records;
    long throttledRecords;
    long cmdletsSucceeded;
    long cmdletsFailed;

    void restore(AuditStatistics saved) {
        events = saved.events();
        java.util.Arrays.fill(notAudited, 0);
        saved.notAudited().forEach((verdict, count) -> notAudited[verdict.ordinal()] = count);
        bindsRecorded = saved.bindsRecorded();
        bindsDeduplicated = saved.bindsDeduplicated();
        bindsThrottled = saved.bindsThrottled();
        bindsNotAudited = saved.bindsNotAudited();
        syncsRecorded = saved.syncsRecorded();
        syncsDeduplicated = saved.syncsDeduplicated();
        folderBindsDeduplicated = saved.folderBindsDeduplicated();
        records = saved.records();
        throttledRecords = saved.throttledRecords();
        cmdletsSucceeded = saved.cmdletsSucceeded();
        cmdletsFailed = saved.cmdletsFailed();
    }

    AuditStatistics snapshot() {
        Map<Verdict, Long> reasons = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            if (verdict != Verdict.AUDITED && notAudited[verdict.ordinal()] > 0) {
                reasons.put(verdict, notAudited[verdict.ordinal()]);
            }
        }
        return new AuditStatistics(
                events,
                reasons,
                bindsRecorded,
                bindsDeduplicated,
                bindsThrottled,
                bindsNotAudited,
                syncsRecorded,
                syncsDeduplicated,
                folderBindsDeduplicated,
                records,
                throttledRecords,
                cmdletsSucceeded,
                cmdletsFailed);
    }
}
