package dev.mailtrail.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.generate.Acceptance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clustered pipeline against a real Kafka broker and a real OpenSearch node: the same records as the embedded
 * pipeline whatever core applies a partition, after a rebalance in the middle of a window, and after a core's crash
 * in the middle of a commit.
 */
class ClusterPipelineTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final dev.mailtrail.store.log.RecordQuery ALL = dev.mailtrail.store.log.RecordQuery.between(
            java.time.Instant.EPOCH, java.time.Instant.parse("2100-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void twoCoresMakeTheRecordsTheEmbeddedPipelineMakes() throws Exception {
        List<AuditEvent> events = ClusterEvents.of(17, 24, 400);
        List<String> expected = ClusterEvents.embedded(events);
        ClusterSettings settings = ClusterFixture.settings("same", 4, 2);
        ClusterEvents.MovableClock clock = new ClusterEvents.MovableClock(ClusterEvents.START);
        try (ClusterPipeline cluster = ClusterPipeline.start(settings, dir, clock)) {
            cluster.submitAll(events).get(60, TimeUnit.SECONDS);
            clock.set(ClusterEvents.START.plusSeconds(7_200));
            awaitCount(cluster, expected.size());
            assertSameRecords(expected, ClusterEvents.stored(cluster.mailboxLog()));
            assertTrue(cluster.mailboxLog().verify().intact(), "every mailbox chain verifies");
            assertTrue(cluster.unifiedLog().verify().intact(), "every partition's unified chain verifies");
        }
    }

    @Test
    void aWindowOpenWhenItsPartitionChangesHandsMakesOneBindRecord() throws Exception {
        ClusterSettings settings = ClusterFixture.settings("rebalance", 2, 1);
        ClusterEvents.MovableClock clock = new ClusterEvents.MovableClock(ClusterEvents.START);
        String mailbox = "window@contoso.com";
        List<AuditEvent> before = List.of(
                ClusterEvents.bind(ClusterEvents.START.plusSeconds(1), mailbox, 1),
                ClusterEvents.bind(ClusterEvents.START.plusSeconds(20), mailbox, 2));
        AuditEvent after = ClusterEvents.bind(ClusterEvents.START.plusSeconds(40), mailbox, 3);
        List<String> expected = ClusterEvents.embedded(List.of(before.get(0), before.get(1), after));
        assertEquals(1, expected.size(), "the embedded pipeline makes one Bind record of the window");
        try (ClusterPipeline first = ClusterPipeline.start(settings, dir.resolve("first"), clock)) {
            first.submitAll(before).get(60, TimeUnit.SECONDS);
            await(() -> first.statistics().events() >= 2);
            assertEquals(0, first.mailboxLog().count(ALL), "the window is open: no record yet");
        } // the first core leaves the group with the window open: its snapshot keeps it
        try (ClusterPipeline second = ClusterPipeline.start(settings, dir.resolve("second"), clock)) {
            second.submit(after).get(60, TimeUnit.SECONDS);
            await(() -> second.statistics().events() >= 3);
            clock.set(ClusterEvents.START.plusSeconds(7_200));
            awaitCount(second, 1);
            Thread.sleep(1_000); // ticks go on: a second record of the window would come now
            assertSameRecords(expected, ClusterEvents.stored(second.mailboxLog()));
        }
    }

    @Test
    void windowsOpenWhenASecondCoreJoinsMakeOneBindRecordEach() throws Exception {
        ClusterSettings settings = ClusterFixture.settings("join", 2, 1);
        ClusterEvents.MovableClock clock = new ClusterEvents.MovableClock(ClusterEvents.START);
        List<AuditEvent> before = new java.util.ArrayList<>();
        List<AuditEvent> after = new java.util.ArrayList<>();
        for (int m = 0; m < 6; m++) { // mailboxes on both partitions: whichever moves, a window moves with it
            String mailbox = "join" + m + "@contoso.com";
            before.add(ClusterEvents.bind(ClusterEvents.START.plusSeconds(1), mailbox, 1));
            after.add(ClusterEvents.bind(ClusterEvents.START.plusSeconds(50), mailbox, 2));
        }
        List<AuditEvent> all = new java.util.ArrayList<>(before);
        all.addAll(after);
        List<String> expected = ClusterEvents.embedded(all);
        assertEquals(6, expected.size(), "the embedded pipeline makes one Bind record per mailbox");
        try (ClusterPipeline first = ClusterPipeline.start(settings, dir.resolve("first"), clock)) {
            first.submitAll(before).get(60, TimeUnit.SECONDS);
            await(() -> first.statistics().events() >= 6);
            try (ClusterPipeline second = ClusterPipeline.start(settings, dir.resolve("second"), clock)) {
                await(() -> second.consumers().getFirst().owned().size() == 1
                        && first.consumers().getFirst().owned().size() == 1);
                second.submitAll(after).get(60, TimeUnit.SECONDS);
                await(() -> first.statistics().events() + second.statistics().events() >= 12);
                clock.set(ClusterEvents.START.plusSeconds(7_200));
                awaitCount(second, 6);
                Thread.sleep(1_000);
                assertSameRecords(expected, ClusterEvents.stored(second.mailboxLog()));
            }
        }
    }

    @Test
    void aCoreThatCrashesInTheMiddleOfACommitLeavesEveryRecordOnceToItsSuccessor() throws Exception {
        List<AuditEvent> events = ClusterEvents.of(23, 12, 300);
        List<String> expected = ClusterEvents.embedded(events);
        ClusterSettings settings = ClusterFixture.settings("crash", 3, 1);
        ClusterEvents.MovableClock clock = new ClusterEvents.MovableClock(ClusterEvents.START);
        try (ClusterPipeline crashing = ClusterPipeline.start(settings, dir.resolve("crashing"), clock)) {
            CoreConsumer core = crashing.consumers().getFirst();
            crashing.submitAll(events.subList(0, 150)).get(60, TimeUnit.SECONDS);
            await(() -> crashing.statistics().events() >= 150 + 4 * 2); // the cmdlets reach all three partitions
            long committed = stableCount(crashing);
            assertTrue(committed > 0, "records were committed with their checkpoints before the crash");
            core.armCrashInCommit();
            crashing.submitAll(events.subList(150, events.size())).get(60, TimeUnit.SECONDS);
            core.awaitStopped();
            crashing.mailboxLog().verify(); // refreshes: records stored without a commit become searchable
            long stored = crashing.mailboxLog().count(ALL);
            assertTrue(stored > committed, "the crash left records stored without their checkpoint");
        }
        try (ClusterPipeline successor = ClusterPipeline.start(settings, dir.resolve("successor"), clock)) {
            clock.set(ClusterEvents.START.plusSeconds(7_200));
            awaitCount(successor, expected.size());
            Thread.sleep(1_000);
            assertSameRecords(expected, ClusterEvents.stored(successor.mailboxLog()));
            List<String> ids = ClusterEvents.ids(successor.mailboxLog());
            assertEquals(ids.size(), new HashSet<>(ids).size(), "no record stored twice");
            assertTrue(successor.mailboxLog().verify().intact(), "every mailbox chain verifies");
            assertTrue(successor.unifiedLog().verify().intact(), "every partition's unified chain verifies");
        }
    }

    @Test
    void aCmdletIsAnsweredAndItsConfigurationQuestionedOnThisProcesssCores() throws Exception {
        ClusterSettings settings = ClusterFixture.settings("cmdlet", 3, 1);
        try (ClusterPipeline cluster = ClusterPipeline.start(settings, dir, java.time.Clock.systemUTC())) {
            Acceptance set = cluster.apply(new CmdletInvocation(
                            java.time.Instant.now(),
                            "admin@contoso.com",
                            "Set-Mailbox -Identity who@contoso.com -AuditOwner @{Add=\"SoftDelete\"}",
                            null))
                    .get(90, TimeUnit.SECONDS);
            assertTrue(set.cmdlet().succeeded(), set.cmdlet().error());
            assertTrue(cluster.inspect(core -> core.configuration().knows("who@contoso.com"))
                    .get(30, TimeUnit.SECONDS));
            Acceptance refused = cluster.apply(new CmdletInvocation(
                            java.time.Instant.now(), "admin@contoso.com", "Set-Mailbox -Bogus 1", null))
                    .get(90, TimeUnit.SECONDS);
            assertFalse(refused.cmdlet().succeeded());
        }
        ClusterSettings proxyOnly = ClusterFixture.settings("cmdlet", 3, 0);
        try (ClusterPipeline proxy = ClusterPipeline.start(proxyOnly, dir, java.time.Clock.systemUTC())) {
            ExecutionException none = assertThrows(
                    ExecutionException.class, () -> proxy.inspect(core -> true).get(30, TimeUnit.SECONDS));
            assertTrue(
                    none.getCause().getMessage().contains("runs no audit core"),
                    none.getCause().getMessage());
        }
    }

    /** The same records, each as often; else what is missing and what is extra (the first few of each). */
    private static void assertSameRecords(List<String> expected, List<String> stored) {
        List<String> missing = new java.util.ArrayList<>(expected);
        stored.forEach(missing::remove);
        List<String> extra = new java.util.ArrayList<>(stored);
        expected.forEach(extra::remove);
        assertTrue(
                missing.isEmpty() && extra.isEmpty(),
                expected.size() + " records expected, " + stored.size() + " stored; missing " + missing.size() + " "
                        + missing.stream().limit(2).toList() + ", extra " + extra.size() + " "
                        + extra.stream().limit(2).toList());
    }

    /** The count of the mailbox audit log once it stays the same for a second (the cores' commits are done). */
    private static long stableCount(ClusterPipeline cluster) throws Exception {
        long last = -1;
        while (true) {
            Thread.sleep(1_000);
            long now = cluster.mailboxLog().count(ALL);
            if (now == last) {
                return now;
            }
            last = now;
        }
    }

    private static void awaitCount(ClusterPipeline cluster, long count) throws Exception {
        await(() -> {
            try {
                return cluster.mailboxLog().count(ALL) >= count;
            } catch (IOException e) {
                return false; // a month index made a moment ago: its shards are not searchable yet
            }
        });
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + PATIENCE);
            }
            Thread.sleep(200);
        }
    }
}
