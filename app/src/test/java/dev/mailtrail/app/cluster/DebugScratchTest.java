package dev.mailtrail.app.cluster;

import dev.mailtrail.core.event.AuditEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugScratchTest {
    @TempDir
    Path dir;

    private static final dev.mailtrail.store.log.RecordQuery ALL = dev.mailtrail.store.log.RecordQuery.between(
            java.time.Instant.EPOCH, java.time.Instant.parse("2100-01-01T00:00:00Z"));

    @Test
    void scratch() throws Exception {
        List<AuditEvent> events = ClusterEvents.of(23, 12, 300);
        List<String> expected = ClusterEvents.embedded(events);
        System.err.println("DBG expected " + expected.size());
        ClusterSettings settings = ClusterFixture.settings("crash", 3, 1);
        ClusterEvents.MovableClock clock = new ClusterEvents.MovableClock(ClusterEvents.START);
        try (ClusterPipeline crashing = ClusterPipeline.start(settings, dir.resolve("crashing"), clock)) {
            CoreConsumer core = crashing.consumers().getFirst();
            core.armCrashInCommit();
            crashing.submitAll(events).get(60, TimeUnit.SECONDS);
            core.awaitStopped();
            Thread.sleep(1000);
            System.err.println("DBG stored after crash " + crashing.mailboxLog().count(ALL));
        }
        try (ClusterPipeline successor = ClusterPipeline.start(settings, dir.resolve("successor"), clock)) {
            clock.set(ClusterEvents.START.plusSeconds(7_200));
            for (int i = 0; i < 30; i++) {
                try {
                System.err.println("DBG successor owned " + successor.consumers().getFirst().owned() + " stored " + successor.mailboxLog().count(ALL) + " stats " + successor.statistics());
                } catch (Exception e) { System.err.println("DBG " + e); }
                Thread.sleep(1000);
            }
            List<String> stored = ClusterEvents.stored(successor.mailboxLog());
            java.util.List<String> missing = new java.util.ArrayList<>(expected);
            stored.forEach(missing::remove);
            java.util.List<String> extra = new java.util.ArrayList<>(stored);
            expected.forEach(extra::remove);
            System.err.println("DBG missing " + missing.size() + " extra " + extra.size());
            missing.stream().limit(3).forEach(m -> System.err.println("DBG missing " + m));
            extra.stream().limit(3).forEach(m -> System.err.println("DBG extra " + m));
        }
    }
}
