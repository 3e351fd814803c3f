package dev.mailtrail.bench.scale;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.store.log.LuceneAuditLog;
import dev.mailtrail.store.log.RecordQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * The embedded pipeline, as {@code StoreBench} runs it: the feed submitted in groups with several in flight to a
 * fresh data directory (journal with fdatasync per group commit, one audit core, both Lucene logs), closed, then the
 * three searches on the committed logs.
 */
public final class EmbeddedRun {
    private EmbeddedRun() {}

    public static Measured run(Path dir, Feed feed, int group, int inFlight, Searches searches) throws Exception {
        long started = System.nanoTime();
        long acked;
        long records;
        try (AuditPipeline pipeline = AuditPipeline.open(dir, Clock.systemUTC(), PipelineOptions.defaults(), "bench")) {
            LogSearches.submitAll(pipeline, feed, group, inFlight);
            acked = System.nanoTime();
            pipeline.close();
            records = pipeline.recordsMade();
        }
        long stored = System.nanoTime();
        long bytes = Disk.size(dir.resolve("mailbox-audit-log")) + Disk.size(dir.resolve("unified-audit-log"));
        try (LuceneAuditLog mailboxLog = LuceneAuditLog.openForSearch(dir.resolve("mailbox-audit-log"));
                LuceneAuditLog unifiedLog = LuceneAuditLog.openForSearch(dir.resolve("unified-audit-log"))) {
            long storedRecords = mailboxLog.count(RecordQuery.between(Instant.EPOCH, Instant.MAX))
                    + unifiedLog.count(RecordQuery.between(Instant.EPOCH, Instant.MAX));
            LogSearches timed = LogSearches.time(searches, feed, mailboxLog, unifiedLog);
            return new Measured(
                    "embedded",
                    feed.count(),
                    (acked - started) / 1e9,
                    (stored - started) / 1e9,
                    records,
                    storedRecords,
                    bytes,
                    Disk.size(dir.resolve("journal")),
                    timed.page(),
                    timed.day(),
                    timed.lookup(),
                    "");
        }
    }
}
