package dev.mailtrail.investigate.importer;

import dev.mailtrail.investigate.importer.detect.ExportDetector;
import dev.mailtrail.investigate.importer.detect.ExportFile;
import dev.mailtrail.investigate.importer.detect.UnrecognisedExportException;
import dev.mailtrail.investigate.importer.identity.KnownRecords;
import dev.mailtrail.investigate.importer.identity.RecordIdentifier;
import dev.mailtrail.investigate.importer.normalise.ExportDate;
import dev.mailtrail.investigate.importer.normalise.RecordNormaliser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Imports audit exports: every file given, and every file under a directory given (recursively, in name order,
 * hidden files left out), is detected by its content first, so a file given by name that is no export stops the
 * import before anything is imported, and a directory's file that is none is skipped and listed; then each is read in turn, its records parsed by {@link ImportOptions#workers()} threads while
 * one more reads ahead, de-duplicated against {@link KnownRecords} and handed to the sink in file order.
 *
 * <p>One import at a time per instance.
 */
public final class Importer {
    private final ImportOptions options;
    private final KnownRecords known;
    private final ExportDetector detector = new ExportDetector();
    private final RecordNormaliser normaliser = new RecordNormaliser();
    private final RecordIdentifier identifier = new RecordIdentifier();

    public Importer(ImportOptions options, KnownRecords known) {
        this.options = options;
        this.known = known;
    }

    /**
     * Detects every file of the inputs, in the order they will be imported. A file given by name must be an
     * export; a file found in a directory that is none is skipped.
     */
    public Detection detect(List<Path> inputs) throws IOException, UnrecognisedExportException {
        List<ExportFile> exports = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                for (Path file : filesUnder(input)) {
                    try {
                        exports.add(detector.detect(file));
                    } catch (UnrecognisedExportException notAnExport) {
                        skipped.add(new SkippedFile(file, notAnExport.whatItHolds()));
                    }
                }
            } else if (Files.isRegularFile(input)) {
                exports.add(detector.detect(input));
            } else {
                throw new NoSuchFileException(input.toString(), null, "no such file or directory");
            }
        }
        return new Detection(exports, skipped);
    }

    public ImportSummary run(List<Path> inputs, RecordSink sink, ImportProgress progress)
            throws IOException, UnrecognisedExportException, InterruptedException {
        return importFiles(detect(inputs), sink, progress);
    }

    /** Imports files already detected. */
    public ImportSummary importFiles(Detection detection, RecordSink sink, ImportProgress progress)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<ExportFile> files = detection.exports();
        ProgressMeter meter = new ProgressMeter(
                progress, files.stream().mapToLong(ExportFile::size).sum());
        ExportDate dates = new ExportDate(options.zonelessDates());
        List<FileSummary> summaries = new ArrayList<>();
        ExecutorService workers = workers();
        try {
            for (ExportFile file : files) {
                ExportReaders.OpenedExport export = ExportReaders.open(file, dates);
                ChunkDecoder decoder = new ChunkDecoder(file, export.decoder(), normaliser, identifier);
                summaries.add(new FileImport(file, export, decoder, workers, options).run(sink, known, meter));
            }
        } finally {
            workers.shutdownNow();
        }
        return new ImportSummary(summaries, detection.skipped(), Duration.ofNanos(System.nanoTime() - started));
    }

    private ExecutorService workers() {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(options.workers(), work -> Thread.ofPlatform()
                .name("mt-import-worker-" + number.incrementAndGet())
                .daemon()
                .unstarted(work));
    }

    /** The regular files under a directory, recursively, in name order, hidden ones left out. */
    private static List<Path> filesUnder(Path directory) throws IOException {
        try (Stream<Path> tree = Files.walk(directory)) {
            return tree.filter(Files::isRegularFile)
                    .filter(file -> !isHidden(directory, file))
                    .sorted()
                    .toList();
        }
    }

    /** Whether any name below the input directory starts with a dot (.DS_Store, .git/…). */
    private static boolean isHidden(Path root, Path file) {
        for (Path name : root.relativize(file)) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
