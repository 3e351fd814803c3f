package dev.mailtrail.investigate.importer.synthetic;

import dev.mailtrail.investigate.importer.ImportOptions;
import dev.mailtrail.investigate.importer.ImportProgress;
import dev.mailtrail.investigate.importer.ImportSummary;
import dev.mailtrail.investigate.importer.ImportedRecord;
import dev.mailtrail.investigate.importer.Importer;
import dev.mailtrail.investigate.importer.RecordSink;
import dev.mailtrail.investigate.importer.Reject;
import dev.mailtrail.investigate.importer.TerminalProgressBar;
import dev.mailtrail.investigate.importer.identity.InMemoryKnownRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures import throughput on an export, generating a synthetic one of the size asked when the file does not
 * exist: {@code ImportThroughput FILE [SIZE] [WORKERS]}. Records go to a sink that only counts them, so what is
 * measured is detection, reading, parsing, normalising, identity and de-duplication. A quick measurement on
 * demand, not a benchmark suite (those are JMH, in bench).
 */
public final class ImportThroughput {
    private ImportThroughput() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ImportThroughput FILE [SIZE[K|M|G]] [WORKERS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.exists(file)) {
            long bytes = BecExportGenerator.size(args.length > 1 ? args[1] : "1G");
            new BecExportGenerator().write(file, bytes, 1L);
        }
        ImportOptions options = ImportOptions.defaults();
        if (args.length > 2) {
            options = options.withWorkers(Integer.parseInt(args[2]));
        }
        Counting sink = new Counting();
        ImportProgress progress = System.console() != null ? new TerminalProgressBar(System.err) : ImportProgress.NONE;
        ImportSummary summary = new Importer(options, new InMemoryKnownRecords()).run(List.of(file), sink, progress);
        double seconds = summary.elapsed().toNanos() / 1e9;
        System.out.println(summary);
        System.out.printf(
                Locale.ROOT,
                "%.1f MB in %.1f s: %.1f MB/s, %.0f records/s read (%d workers)%n",
                summary.bytes() / 1e6,
                seconds,
                summary.bytes() / 1e6 / seconds,
                summary.read() / seconds,
                options.workers());
    }

    private static final class Counting implements RecordSink {
        long records;
        long rejects;

        @Override
        public void accept(ImportedRecord record) {
            records++;
        }

        @Override
        public void reject(Reject reject) {
            rejects++;
        }
    }
}
