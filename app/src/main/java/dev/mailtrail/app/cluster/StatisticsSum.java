package dev.mailtrail.app.cluster;

import dev.mailtrail.core.decision.Verdict;
import dev.mailtrail.core.generate.AuditStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The counts of several partitions' cores as one. */
final class StatisticsSum {
    private StatisticsSum() {}

    static AuditStatistics of(List<AuditStatistics> parts) {
        long[] n = new long[12];
        Map<Verdict, Long> notAudited = new HashMap<>();
        for (AuditStatistics s : parts) {
            n[0] += s.events();
            n[1] += s.bindsRecorded();
            n[2] += s.bindsDeduplicated();
            n[3] += s.bindsThrottled();
            n[4] += s.bindsNotAudited();
            n[5] += s.syncsRecorded();
            n[6] += s.syncsDeduplicated();
            n[7] += s.folderBindsDeduplicated();
            n[8] += s.records();
            n[9] += s.throttledRecords();
            n[10] += s.cmdletsSucceeded();
            n[11] += s.cmdletsFailed();
            s.notAudited().forEach((verdict, count) -> notAudited.merge(verdict, count, Long::sum));
        }
        return new AuditStatistics(
                n[0], notAudited, n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11]);
    }
}
