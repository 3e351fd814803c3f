package dev.mailtrail.storebench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * One engine through the whole comparison: a durable ingest of the generated records in batches, the disk size,
 * the three searches, then the engine's compaction (if it has one) with the size and searches again.
 */
final class EngineRun {
    static final int BATCH = 10_000;
    static final long Q1_WINDOW = 90 * AuditRecordGenerator.DAY_SECONDS;

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final AuditRecordGenerator generator;
    private final Workload warmUp;
    private final Workload measured;
    private final double scanBudgetSeconds;
    private final int page;

    EngineRun(AuditRecordGenerator generator, Workload warmUp, Workload measured, double scanBudgetSeconds, int page) {
        this.page = page;
        this.generator = generator;
        this.warmUp = warmUp;
        this.measured = measured;
        this.scanBudgetSeconds = scanBudgetSeconds;
    }

    /** One row of the result table; no ingest on the row measured after compaction. */
    record Result(
            String engine,
            long records,
            Ingest ingest,
            long bytes,
            Timing q1,
            Timing q2,
            Timing q3Indexed,
            Timing q3Scan) {}

    List<Result> run(Engine engine, Path dir, boolean keep) throws Exception {
        deleteRecursively(dir);
        List<Result> results = new ArrayList<>();
        try (AuditStore store = engine.open(dir)) {
            Ingest ingest = ingest(store);
            results.add(searches(engine.id, store, ingest, sizeOf(dir)));
            long start = System.nanoTime();
            if (store.compact()) {
                double seconds = (System.nanoTime() - start) / 1e9;
                results.add(
                        searches(engine.id + String.format(" compacted (%.0f s)", seconds), store, null, sizeOf(dir)));
            }
        }
        if (!keep) {
            deleteRecursively(dir);
        }
        return results;
    }

    /**
     * An ingest's wall-clock seconds, the CPU seconds the process spent on it besides generating records, and how
     * long the slowest durable appends of one batch took (what a writer waiting for its acknowledgement sees).
     */
    record Ingest(double seconds, double cpuSeconds, double batchP99Millis, double batchMaxMillis) {}

    private Ingest ingest(AuditStore store) throws Exception {
        BlockingQueue<List<BenchRecord>> batches = new ArrayBlockingQueue<>(8);
        FutureTask<Long> producer = new FutureTask<>(() -> {
            try {
                for (long from = 0; from < generator.count(); from += BATCH) {
                    List<BenchRecord> batch = new ArrayList<>(BATCH);
                    for (long seq = from; seq < Math.min(generator.count(), from + BATCH); seq++) {
                        batch.add(generator.record(seq));
                    }
                    batches.put(batch);
                }
                return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            } finally {
                batches.put(List.of()); // the end, also when generating failed: producer.get() then says why
            }
        });
        long cpuStart = PROCESS.getProcessCpuTime();
        Thread.ofPlatform().name("record-generator").daemon().start(producer);
        long start = System.nanoTime();
        long waiting = 0;
        List<Long> appendNanos = new ArrayList<>();
        while (true) {
            long before = System.nanoTime();
            List<BenchRecord> batch = batches.take();
            waiting += System.nanoTime() - before;
            if (batch.isEmpty()) {
                break;
            }
            long appendStart = System.nanoTime();
            store.append(batch);
            appendNanos.add(System.nanoTime() - appendStart);
        }
        store.finishIngest();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (PROCESS.getProcessCpuTime() - cpuStart - producer.get()) / 1e9;
        System.out.printf("ingest %.1f s, of which %.1f s waiting for the generator%n", seconds, waiting / 1e9);
        appendNanos.sort(null);
        double p99Millis = appendNanos.get((int) Math.ceil(0.99 * appendNanos.size()) - 1) / 1e6;
        double maxMillis = appendNanos.getLast() / 1e6;
        return new Ingest(seconds, cpuSeconds, p99Millis, maxMillis);
    }

    private Result searches(String label, AuditStore store, Ingest ingest, long bytes) throws Exception {
        long to = AuditRecordGenerator.END;
        long from = to - Q1_WINDOW;
        Timing q1 = Timing.measure(warmUp.mailboxes(), measured.mailboxes(), Double.MAX_VALUE, mailbox -> {
            List<AuditStore.Hit> hits = store.newestOfMailbox(mailbox, from, to, page);
            return hits.stream().mapToLong(AuditStore.Hit::seq).sum() + hits.size();
        });
        Timing q2 = Timing.measure(warmUp.days(), measured.days(), Double.MAX_VALUE, day -> {
            long dayStart = AuditRecordGenerator.START + day * AuditRecordGenerator.DAY_SECONDS;
            Map<String, Long> counts = store.countByOperation(dayStart, dayStart + AuditRecordGenerator.DAY_SECONDS);
            return counts.values().stream().mapToLong(Long::longValue).sum() + counts.size();
        });
        Timing q3Indexed = messageIdLookups(store, AuditStore.Lookup.INDEXED, warmUp.messageIds(), Double.MAX_VALUE);
        Timing q3Scan = messageIdLookups(
                store, AuditStore.Lookup.SCAN, warmUp.messageIds().subList(0, 1), scanBudgetSeconds);
        return new Result(label, generator.count(), ingest, bytes, q1, q2, q3Indexed, q3Scan);
    }

    private Timing messageIdLookups(AuditStore store, AuditStore.Lookup lookup, List<String> warm, double budget)
            throws Exception {
        if (!store.lookups().contains(lookup)) {
            return null;
        }
        return Timing.measure(warm, measured.messageIds(), budget, messageId -> {
            List<AuditStore.Hit> hits = store.findMessageId(messageId, lookup);
            for (AuditStore.Hit hit : hits) {
                if (!hit.auditData().contains(messageId)) {
                    throw new IllegalStateException("record " + hit.seq() + " does not contain " + messageId);
                }
            }
            return hits.stream().mapToLong(AuditStore.Hit::seq).sum() + hits.size();
        });
    }

    static long sizeOf(Path dir) throws IOException {
        long bytes = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                bytes += size(file);
            }
        }
        return bytes;
    }

    private static long size(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException gone) {
            return 0; // a file the engine removed while we walked (a merged segment, a checkpointed WAL)
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
