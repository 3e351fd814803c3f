package dev.mailtrail.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailtrail.app.pipeline.RetentionReport;
import dev.mailtrail.store.log.RecordQuery;
import dev.mailtrail.store.log.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention of the cluster's logs, run by the core of partition 0 over every partition's chains: a mailbox's records
 * older than its AuditLogAgeLimit go (in whole months, the engine's own way), a purge mark says so, and the chains
 * still verify; records within the limit stay.
 */
class ClusterRetentionTest {
    private static final RecordQuery ALL = RecordQuery.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void recordsPastTheirMailboxsLimitArePurgedWithAMarkAndTheRestStay() throws Exception {
        ClusterSettings settings = ClusterFixture.settings("retention", 2, 1);
        ClusterEvents.MovableClock clock = new ClusterEvents.MovableClock(ClusterEvents.START);
        Instant old = ClusterEvents.START.minus(Duration.ofDays(200));
        Instant recent = ClusterEvents.START.minus(Duration.ofHours(1));
        try (ClusterPipeline cluster = ClusterPipeline.start(settings, dir, clock)) {
            cluster.submitAll(List.of(
                            ClusterEvents.bind(old, "old@contoso.com", 1),
                            ClusterEvents.bind(old.plusSeconds(1), "old@contoso.com", 2),
                            ClusterEvents.bind(recent, "recent@contoso.com", 3)))
                    .get(60, TimeUnit.SECONDS);
            clock.set(ClusterEvents.START.plus(Duration.ofHours(2)));
            awaitCount(cluster, ALL, 2);

            RetentionReport report = cluster.runRetention();

            assertEquals(1, report.mailboxRecords(), "the old mailbox's one Bind record: " + report);
            assertEquals(1, report.mailboxes());
            assertEquals(0, count(cluster, "old@contoso.com"), "past the default AuditLogAgeLimit of 90 days");
            assertEquals(1, count(cluster, "recent@contoso.com"), "within it");
            VerifyReport verified = cluster.mailboxLog().verify();
            assertTrue(verified.intact(), "a purge with its mark verifies: " + verified);
            assertEquals(1, verified.purged(), verified.toString());
            assertEquals(0, cluster.runRetention().mailboxRecords(), "a second pass has nothing left to purge");
        }
    }

    private static long count(ClusterPipeline cluster, String mailbox) throws Exception {
        return cluster.mailboxLog().count(ALL.withMailboxes(Set.of(mailbox)));
    }

    private static void awaitCount(ClusterPipeline cluster, RecordQuery query, long count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                if (cluster.mailboxLog().count(query) >= count) {
                    return;
                }
            } catch (java.io.IOException e) {
                // a month index made a moment ago: its shards are not searchable yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " records within 90 s");
            }
            Thread.sleep(200);
        }
    }
}
