package dev.mailtrail.storebench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Random;

/**
 * The bench command behind docs/decisions/0003-store-engine.md. Every engine ingests the same generated records and
 * answers the same searches, one engine after another in one process, and the results print as Markdown tables.
 *
 * <pre>
 * java -cp ... dev.mailtrail.storebench.StoreEngineComparison \
 *     --records 1000000,10000000 --engines duckdb,sqlite-normal,sqlite-full,lucene \
 *     --data /work/storebench-data [--seed 20260101] [--scan-budget 30] [--warm-up 200000] [--page 100] [--keep]
 * </pre>
 */
public final class StoreEngineComparison {
    private StoreEngineComparison() {}

    public static void main(String[] args) throws Exception {
        List<Long> counts = List.of(1_000_000L);
        List<Engine> engines = List.of(Engine.DUCKDB, Engine.SQLITE_NORMAL, Engine.SQLITE_FULL, Engine.LUCENE);
        Path data = Path.of("/tmp/storebench-data");
        long seed = 20260101;
        double scanBudget = 30;
        boolean keep = false;
        long warmUp = 200_000;
        int page = 100;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" ->
                    counts = Arrays.stream(args[++i].split(","))
                            .map(Long::valueOf)
                            .toList();
                case "--engines" ->
                    engines = Arrays.stream(args[++i].split(","))
                            .map(Engine::byId)
                            .toList();
                case "--data" -> data = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--scan-budget" -> scanBudget = Double.parseDouble(args[++i]);
                case "--keep" -> keep = true;
                case "--warm-up" -> warmUp = Long.parseLong(args[++i]);
                case "--page" -> page = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf(
                "JDK %s on %d cores, max heap %d MiB, seed %d, Q1 page %d%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                seed,
                page);
        if (warmUp > 0) {
            // compile every engine's hot paths first, so the first engine measured pays no more JIT than the last
            AuditRecordGenerator generator = new AuditRecordGenerator(seed, warmUp);
            Workload workload = Workload.draw(generator, new Random(seed), 22, 11, 22);
            EngineRun run = new EngineRun(generator, workload.every(11, false), workload.every(11, true), 0.1, page);
            for (Engine engine : engines) {
                System.out.printf("warming up %s with %,d records%n", engine.id, warmUp);
                run.run(engine, data.resolve(engine.id), false);
            }
        }
        List<EngineRun.Result> results = new ArrayList<>();
        for (long count : counts) {
            AuditRecordGenerator generator = new AuditRecordGenerator(seed, count);
            describe(generator);
            Workload workload = Workload.draw(generator, new Random(seed + count), 220, 33, 220);
            EngineRun run =
                    new EngineRun(generator, workload.every(11, false), workload.every(11, true), scanBudget, page);
            for (Engine engine : engines) {
                System.out.printf("%n%s, %,d records ...%n", engine.description, count);
                try {
                    List<EngineRun.Result> engineResults = run.run(engine, data.resolve(engine.id), keep);
                    engineResults.forEach(result -> System.out.println(row(result)));
                    results.addAll(engineResults);
                } catch (Exception failure) {
                    // one engine failing (a full disk, a crash in native code) must not lose the others' numbers
                    System.out.printf("%s failed at %,d records:%n", engine.id, count);
                    failure.printStackTrace(System.out);
                }
            }
        }
        System.out.println();
        System.out.println(header());
        results.forEach(result -> System.out.println(row(result)));
        System.out.println();
        System.out.println("| engine | records | Q1 checksum | Q2 checksum | Q3 checksum | Q3 scan checksum |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        results.forEach(result -> System.out.println(checksums(result)));
    }

    private static void describe(AuditRecordGenerator generator) {
        int sample = (int) Math.min(generator.count(), 500_000);
        for (long seq = 0; seq < sample; seq++) {
            generator.record(seq); // the first pass compiles the generator, the second is timed
        }
        LongSummaryStatistics sizes = new LongSummaryStatistics();
        long messageIds = 0;
        long start = System.nanoTime();
        for (long seq = 0; seq < sample; seq++) {
            BenchRecord record = generator.record(seq * (generator.count() / sample));
            sizes.accept(record.auditData().length());
            messageIds += record.messageIds().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%n%,d records: AuditData %d–%d bytes, mean %.0f; %.2f message ids per record;"
                        + " the generator alone makes %,.0f records/s on one thread%n",
                generator.count(),
                sizes.getMin(),
                sizes.getMax(),
                sizes.getAverage(),
                (double) messageIds / sample,
                sample / seconds);
    }

    private static String header() {
        return "| engine | records | ingest records/s | ingest time | ingest CPU µs/record | disk bytes/record"
                + " | batch commit p99 / max ms | Q1 p50 / p99 ms | Q2 p50 / p99 ms | Q3 indexed p50 / p99 ms"
                + " | Q3 scan p50 / p99 ms |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    private static String row(EngineRun.Result result) {
        EngineRun.Ingest ingest = result.ingest();
        return String.format(
                "| %s | %,d | %s | %s | %s | %.0f | %s | %s | %s | %s | %s |",
                result.engine(),
                result.records(),
                ingest == null ? "" : String.format("%,.0f", result.records() / ingest.seconds()),
                ingest == null ? "" : String.format("%.0f s", ingest.seconds()),
                ingest == null ? "" : String.format("%.1f", ingest.cpuSeconds() * 1e6 / result.records()),
                (double) result.bytes() / result.records(),
                ingest == null ? "" : String.format("%.0f / %.0f", ingest.batchP99Millis(), ingest.batchMaxMillis()),
                result.q1().cell(),
                result.q2().cell(),
                cell(result.q3Indexed()),
                cell(result.q3Scan()));
    }

    private static String checksums(EngineRun.Result result) {
        return String.format(
                "| %s | %,d | %d | %d | %s | %s |",
                result.engine(),
                result.records(),
                result.q1().checksum(),
                result.q2().checksum(),
                result.q3Indexed() == null ? "" : result.q3Indexed().checksum(),
                result.q3Scan() == null
                        ? ""
                        : result.q3Scan().checksum() + " (n=" + result.q3Scan().count() + ")");
    }

    private static String cell(Timing timing) {
        return timing == null ? "–" : timing.cell();
    }
}
