package dev.mailtrail.bench;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.app.pipeline.SnapshotPolicy;
import dev.mailtrail.app.pipeline.snapshot.CoreSnapshots;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.store.log.LuceneAuditLog;
import dev.mailtrail.store.log.RecordQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The stores end to end, at several sizes in one run: access events (the {@link AccessMix} organisation) through
 * the journal, the audit core and both audit logs of a fresh data directory, then the searches responders run.
 * {@code ./mt bench StoreBench [--events 1000000,10000000] [--dir DIR]}. Prints durable ingest events/s (the
 * journal's acknowledgements), records/s to the committed stores, disk bytes per record, and p50/p99 of: a
 * mailbox's first page of 100 over 90 days, a day's count by Operation, a FreeText InternetMessageId lookup.
 */
public final class StoreBench {
    /** Recent: retention counts from the wall clock, and the reopening pass would purge months-old traffic. */
    private static final Instant START =
            Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);

    /** Five snapshots kept, so that a reopen can be measured from the last one taken while ingesting. */
    private static final PipelineOptions OPTIONS =
            PipelineOptions.defaults().withSnapshots(SnapshotPolicy.defaults().withKept(5));

    private static final int GROUP = 2_000;
    private static final int IN_FLIGHT = 16;
    private static final int SAMPLES = 200;

    private StoreBench() {}

    public static void main(String[] args) throws Exception {
        List<Long> sizes = List.of(1_000_000L, 10_000_000L);
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "mailtrail-store-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" ->
                    sizes = Stream.of(args[++i].split(",")).map(Long::parseLong).toList();
                case "--dir" -> base = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("usage: StoreBench [--events N,N…] [--dir DIR]");
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-11s %12s %12s %12s %10s %10s %14s %14s %14s %10s %12s%n",
                "events",
                "ack ev/s",
                "end ev/s",
                "records/s",
                "records",
                "B/record",
                "page p50/p99",
                "day p50/p99",
                "msgid p50/p99",
                "reopen s",
                "journal MB");
        for (long size : sizes) {
            Path dir = base.resolve("events-" + size);
            delete(dir);
            run(dir, size);
        }
    }

    private static void run(Path dir, long events) throws Exception {
        Supplier<AuditEvent> mix = AccessMix.stream(AccessMix.Traffic.BURSTY, 2026, START);
        List<String> messageIds = new ArrayList<>();
        SplittableRandom sampler = new SplittableRandom(7);
        Instant last = START;
        long started = System.nanoTime();
        long acked;
        long records;
        try (AuditPipeline pipeline = AuditPipeline.open(dir, Clock.systemUTC(), OPTIONS, "bench")) {
            Deque<CompletableFuture<Long>> inFlight = new ArrayDeque<>();
            for (long sent = 0; sent < events; sent += GROUP) {
                List<AuditEvent> group = new ArrayList<>(GROUP);
                for (int i = 0; i < GROUP && sent + i < events; i++) {
                    AuditEvent event = mix.get();
                    group.add(event);
                    last = event.time();
                    if (event instanceof MailboxAccess access
                            && !access.items().isEmpty()
                            && sampler.nextInt(5_000) == 0
                            && messageIds.size() < SAMPLES) {
                        messageIds.add(access.items().getFirst().internetMessageId());
                    }
                }
                inFlight.add(pipeline.submitAll(group));
                while (inFlight.size() > IN_FLIGHT) {
                    inFlight.removeFirst().get();
                }
            }
            while (!inFlight.isEmpty()) {
                inFlight.removeFirst().get();
            }
            acked = System.nanoTime();
            pipeline.close();
            records = pipeline.recordsMade();
        }
        long stored = System.nanoTime();
        long reopenStart = System.nanoTime();
        double reopen;
        try (AuditPipeline reopened = AuditPipeline.open(dir, Clock.systemUTC(), OPTIONS, "bench")) {
            // opening takes up the snapshot the close wrote: the restart cost at this size
            reopen = (System.nanoTime() - reopenStart) / 1e9;
        }
        Tail tail = reopenAfterTheNewestSnapshotIsGone(dir);
        long bytes = size(dir.resolve("mailbox-audit-log")) + size(dir.resolve("unified-audit-log"));
        try (LuceneAuditLog mailboxLog = LuceneAuditLog.openForSearch(dir.resolve("mailbox-audit-log"));
                LuceneAuditLog unifiedLog = LuceneAuditLog.openForSearch(dir.resolve("unified-audit-log"))) {
            long storedRecords = mailboxLog.count(RecordQuery.between(Instant.EPOCH, Instant.MAX))
                    + unifiedLog.count(RecordQuery.between(Instant.EPOCH, Instant.MAX));
            Instant end = last.plusSeconds(1);
            SplittableRandom random = new SplittableRandom(11);
            double[] page = time(
                    SAMPLES,
                    () -> mailboxLog.search(
                            RecordQuery.between(end.minus(Duration.ofDays(90)), end)
                                    .withMailboxes(Set.of(
                                            "user%04d@contoso.com".formatted(random.nextInt(AccessMix.MAILBOXES)))),
                            100,
                            found -> true));
            long spanMillis = Math.max(
                    1,
                    Duration.between(START, end).toMillis() - Duration.ofDays(1).toMillis());
            double[] day = time(50, () -> {
                Instant from = START.plusMillis(random.nextLong(spanMillis));
                unifiedLog.countByOperation(RecordQuery.between(from, from.plus(Duration.ofDays(1))));
            });
            int[] next = {0};
            double[] lookup = time(
                    messageIds.size(),
                    () -> unifiedLog.search(
                            RecordQuery.between(Instant.EPOCH, end)
                                    .withFreeText(List.of(messageIds.get(next[0]++ % messageIds.size()))),
                            Long.MAX_VALUE,
                            found -> true));
            System.out.printf(
                    Locale.ROOT,
                    "%-11d %12.0f %12.0f %12.0f %10d %10.0f %14s %14s %14s %10.2f %12.0f%n",
                    events,
                    events / ((acked - started) / 1e9),
                    events / ((stored - started) / 1e9),
                    records / ((stored - started) / 1e9),
                    records,
                    (double) bytes / storedRecords,
                    pair(page),
                    pair(day),
                    pair(lookup),
                    reopen,
                    size(dir.resolve("journal")) / 1e6);
            System.out.printf(
                    Locale.ROOT,
                    "%11s journal %,d bytes (%.0f B/event); stores %,d bytes for %,d stored"
                            + " records (both logs); %s of traffic%n",
                    "",
                    size(dir.resolve("journal")),
                    (double) size(dir.resolve("journal")) / events,
                    bytes,
                    storedRecords,
                    Duration.between(START, end));
            System.out.printf(
                    Locale.ROOT,
                    "%11s snapshot %,d bytes, written in %.2f s; reopen from the snapshot before it %.2f s"
                            + " (%,d journal entries replayed); journal first sequence %d of %d%n",
                    "",
                    tail.snapshotBytes(),
                    tail.snapshotSeconds(),
                    tail.reopenSeconds(),
                    tail.replayed(),
                    tail.journalFirst(),
                    tail.journalLast());
        }
    }

    /** A restart after a crash: the snapshot written at close is gone, the one before it and the journal after it. */
    private record Tail(
            long snapshotBytes,
            double snapshotSeconds,
            double reopenSeconds,
            long replayed,
            long journalFirst,
            long journalLast) {}

    private static Tail reopenAfterTheNewestSnapshotIsGone(Path dir) throws IOException {
        CoreSnapshots snapshots = new CoreSnapshots(dir, 2);
        double written;
        long bytes;
        try (AuditPipeline pipeline = AuditPipeline.open(dir, Clock.systemUTC(), OPTIONS, "bench")) {
            long started = System.nanoTime();
            pipeline.snapshot();
            written = (System.nanoTime() - started) / 1e9;
            bytes = Files.size(snapshots.files().getFirst());
        }
        List<Path> files = snapshots.files();
        for (int i = 0; i + 1 < files.size() && i < 3; i++) {
            // the close's, the explicit one's and the reopen's snapshots: back to the last one taken while ingesting
            Files.delete(files.get(i));
        }
        long started = System.nanoTime();
        try (AuditPipeline pipeline = AuditPipeline.open(dir, Clock.systemUTC(), OPTIONS, "bench")) {
            double reopen = (System.nanoTime() - started) / 1e9;
            return new Tail(
                    bytes,
                    written,
                    reopen,
                    pipeline.replayedEntries(),
                    firstSequence(dir),
                    pipeline.journaledSequence());
        }
    }

    private static long firstSequence(Path dir) throws IOException {
        Path file = dir.resolve("journal").resolve("first-sequence");
        return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : 1;
    }

    private interface Probe {
        void run() throws IOException;
    }

    private static double[] time(int samples, Probe probe) throws IOException {
        for (int i = 0; i < Math.min(20, samples); i++) {
            probe.run();
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            probe.run();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static String pair(double[] sorted) {
        if (sorted.length == 0) {
            return "-";
        }
        return String.format(
                Locale.ROOT,
                "%.2f/%.2f",
                sorted[sorted.length / 2],
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)]);
    }

    private static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(path -> path.toFile().length())
                    .sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
