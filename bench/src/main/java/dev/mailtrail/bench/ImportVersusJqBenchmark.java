package dev.mailtrail.bench;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.investigate.importer.ImportOptions;
import dev.mailtrail.investigate.importer.ImportProgress;
import dev.mailtrail.investigate.importer.ImportSummary;
import dev.mailtrail.investigate.importer.ImportedRecord;
import dev.mailtrail.investigate.importer.Importer;
import dev.mailtrail.investigate.importer.RecordSink;
import dev.mailtrail.investigate.importer.Reject;
import dev.mailtrail.investigate.importer.identity.InMemoryKnownRecords;
import dev.mailtrail.investigate.importer.synthetic.BecExportGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Import throughput against the responder's usual tool, on the same synthetic Purview export of at least 1 GB
 * ({@link BecExportGenerator}, made once under {@code java.io.tmpdir/mailtrail-bench/} unless {@code -p export=FILE}
 * names one): MailTrail's importer (detect, split, parse AuditData, normalise, identify, de-duplicate, with one
 * worker per core) taking the MailItemsAccessed Bind items out, and a {@code sed | jq} pipeline doing the same
 * extraction ({@code sed} unquotes the CSV's AuditData column, {@code jq} selects Bind records and prints their
 * InternetMessageIds). Each runs once per fork, measured whole; each prints its MB/s and records/s, elapsed and
 * per CPU-second (on a shared machine the CPU time is the steadier figure), and the second to finish prints the
 * ratios. Run: {@code ./mt bench ImportVersusJq}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ImportVersusJqBenchmark {
    private static final long SIZE = 1L << 30;
    private static final String SED_UNQUOTE = "s/^([^,]*,){5}\"//; s/\",[^,]*,[^,]*\\r?$//; s/\"\"/\"/g";
    private static final String JQ_BIND_ITEMS =
            "select(.Operation == \"MailItemsAccessed\" and ([.OperationProperties[]?"
                    + " | select(.Name == \"MailAccessType\") | .Value] == [\"Bind\"])) | .Folders[].FolderItems[].InternetMessageId";

    @Param({""})
    String export;

    private Path file;
    private long bytes;
    private long rows;
    private long bindItems;
    private long started;
    private long elapsed;
    private long cpuStarted;
    private double cpuSeconds;

    @Setup(Level.Trial)
    public void export() throws IOException {
        file = export.isEmpty()
                ? Path.of(System.getProperty("java.io.tmpdir"), "mailtrail-bench", "purview-1g.csv")
                : Path.of(export);
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            System.out.println("writing " + file + " (1 GiB) …");
            new BecExportGenerator().write(file, SIZE, 1L);
        }
        bytes = Files.size(file);
        rows = countLines(file) - 1;
    }

    @Setup(Level.Iteration)
    public void start() {
        started = System.nanoTime();
        cpuStarted = processCpuNanos();
    }

    /** MailTrail's importer, Bind items counted from the records it delivers. */
    @Benchmark
    public long mailtrailImport() throws Exception {
        BindItems sink = new BindItems();
        ImportSummary summary = new Importer(ImportOptions.defaults(), new InMemoryKnownRecords())
                .run(List.of(file), sink, ImportProgress.NONE);
        if (summary.rejected() != 0) {
            throw new IllegalStateException(summary.rejected() + " rejects in a generated export");
        }
        elapsed = System.nanoTime() - started;
        cpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
        bindItems = sink.items;
        return sink.items;
    }

    /** {@code tail | sed | jq}: the same Bind items, one InternetMessageId a line, counted. */
    @Benchmark
    public long jqPipeline() throws Exception {
        Process pipeline = new ProcessBuilder(
                        "bash",
                        "-o",
                        "pipefail",
                        "-c",
                        "tail -n +2 \"$1\" | sed -E \"$2\" | jq -r \"$3\" | wc -l; times",
                        "pipeline",
                        file.toString(),
                        SED_UNQUOTE,
                        JQ_BIND_ITEMS)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out;
        try (InputStream in = pipeline.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
        if (pipeline.waitFor() != 0) {
            throw new IllegalStateException(
                    "the jq pipeline failed (exit " + pipeline.exitValue() + "); is jq installed?");
        }
        elapsed = System.nanoTime() - started;
        // wc's count, then bash's `times`: the shell's own user and system time, then its children's.
        String[] lines = out.split("\\R");
        bindItems = Long.parseLong(lines[0].strip());
        cpuSeconds = shellTimes(lines[2]);
        return bindItems;
    }

    @TearDown(Level.Iteration)
    public void report(org.openjdk.jmh.infra.BenchmarkParams params) throws IOException {
        String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        double seconds = elapsed / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%n%s: %.1f MB in %.1f s = %.1f MB/s, %.0f records/s, %d Bind items;"
                        + " %.1f CPU-seconds = %.1f MB per CPU-second%n",
                name,
                bytes / 1e6,
                seconds,
                bytes / 1e6 / seconds,
                rows / seconds,
                bindItems,
                cpuSeconds,
                bytes / 1e6 / cpuSeconds);
        Path results = file.resolveSibling(file.getFileName() + ".throughput");
        // name, elapsed seconds, CPU seconds: the ratios below need both
        Files.writeString(
                results,
                String.format(Locale.ROOT, "%s %f %f%n", name, seconds, cpuSeconds),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Map<String, double[]> last = new LinkedHashMap<>();
        for (String line : Files.readAllLines(results)) {
            String[] parts = line.split(" ");
            if (parts.length == 3) {
                last.put(parts[0], new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])});
            }
        }
        if (last.containsKey("mailtrailImport") && last.containsKey("jqPipeline")) {
            double[] jq = last.get("jqPipeline");
            double[] mailtrail = last.get("mailtrailImport");
            System.out.printf(
                    Locale.ROOT,
                    "MailTrail import is %.1f× the jq pipeline in elapsed time and %.1f× in CPU time on %s"
                            + " (latest runs of each)%n",
                    jq[0] / mailtrail[0],
                    jq[1] / mailtrail[1],
                    file);
        }
    }

    /** CPU time of this JVM, every thread (workers, reader, JIT, GC) counted. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Seconds of user plus system time from a line of bash's {@code times}: {@code 1m2.345s 0m0.067s}. */
    static double shellTimes(String line) {
        double seconds = 0;
        for (String time : line.strip().split("\\s+")) {
            int m = time.indexOf('m');
            seconds += Double.parseDouble(time.substring(0, m)) * 60
                    + Double.parseDouble(time.substring(m + 1, time.length() - 1));
        }
        return seconds;
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private static final class BindItems implements RecordSink {
        long items;

        @Override
        public void accept(ImportedRecord imported) {
            AuditRecord record = imported.record();
            if ("MailItemsAccessed".equals(record.operation())
                    && "Bind".equals(record.mailAccessType())
                    && record.folders() != null) {
                for (FolderItems folder : record.folders()) {
                    items += folder.folderItems().size();
                }
            }
        }

        @Override
        public void reject(Reject reject) {
            // Counted by the import summary, which the benchmark checks.
        }
    }
}
