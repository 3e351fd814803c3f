package dev.mailtrail.investigate.importer;

import dev.mailtrail.investigate.importer.detect.ExportDetector;
import dev.mailtrail.investigate.importer.detect.ExportFile;
import dev.mailtrail.investigate.importer.detect.UnrecognisedExportException;
import dev.mailtrail.investigate.importer.directory.GetMailboxCsv;
import dev.mailtrail.investigate.importer.identity.KnownRecords;
import dev.mailtrail.investigate.importer.identity.RecordIdentifier;
import dev.mailtrail.investigate.importer.normalise.ExportDate;
import dev.mailtrail.investigate.importer.normalise.RecordNormaliser;
import dev.mailtrail.investigate.mailboxes.IdentityLink;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * hidden files left out), is detected by its content first; a file given by name that is no export (or missing)
 * is refused with its reason and a directory's file that is none is skipped, both listed, and the others imported
 * all the same. Then each is read in turn, its records parsed by {@link ImportOptions#workers()} threads while one
 * more reads ahead, de-duplicated against {@link KnownRecords} and handed to the sink in file order. A file whose
 * reading fails part-way is refused with the reason; what it delivered before stays. A mailbox list
 * ({@code Get-Mailbox | Export-Csv}) hands its names to the sink as links.
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
    public Detection detect(List<Path> inputs) throws IOException {
        List<ExportFile> exports = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        List<RefusedFile> refused = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                for (Path file : filesUnder(input)) {
                    if (Files.isSymbolicLink(file)) {
                        // a link may lead out of the directory the user named (to another user's files)
                        skipped.add(new SkippedFile(file, "a symbolic link, not followed out of " + input));
                        continue;
                    }
                    try {
                        exports.add(detector.detect(file));
                    } catch (UnrecognisedExportException notAnExport) {
                        skipped.add(new SkippedFile(file, notAnExport.whatItHolds()));
                    } catch (IOException | UncheckedIOException unreadable) {
                        refused.add(new RefusedFile(file, "cannot be read: " + ReadFailure.describe(unreadable)));
                    }
                }
            } else if (Files.isRegularFile(input)) {
                try {
                    exports.add(detector.detect(input));
                } catch (UnrecognisedExportException notAnExport) {
                    refused.add(new RefusedFile(
                            input,
                            "not an audit export MailTrail knows (" + notAnExport.whatItHolds()
                                    + "); mt import --help lists the formats"));
                } catch (IOException | UncheckedIOException unreadable) {
                    refused.add(new RefusedFile(input, "cannot be read: " + ReadFailure.describe(unreadable)));
                }
            } else {
                refused.add(new RefusedFile(input, "no such file or directory"));
            }
        }
        return new Detection(exports, skipped, refused);
    }

    public ImportSummary run(List<Path> inputs, RecordSink sink, ImportProgress progress)
            throws IOException, InterruptedException {
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
        List<RefusedFile> refused = new ArrayList<>(detection.refused());
        ExecutorService workers = workers();
        try {
            for (ExportFile file : files) {
                try {
                    summaries.add(importFile(file, dates, workers, sink, meter));
                } catch (IOException | UncheckedIOException failed) {
                    // One unreadable file never stops the others; the sink's own failures do (the case is broken).
                    if (failed instanceof SinkFailure) {
                        throw (IOException) failed.getCause();
                    }
                    refused.add(new RefusedFile(
                            file.path(),
                            "reading stopped: " + ReadFailure.describe(failed)
                                    + " (records read before were imported)"));
                }
            }
        } finally {
            workers.shutdownNow();
        }
        return new ImportSummary(
                summaries, detection.skipped(), refused, Duration.ofNanos(System.nanoTime() - started));
    }

    private FileSummary importFile(
            ExportFile file, ExportDate dates, ExecutorService workers, RecordSink sink, ProgressMeter meter)
            throws IOException, InterruptedException {
        if (!file.format().holdsRecords()) {
            return importMailboxList(file, sink, meter);
        }
        ExportReaders.OpenedExport export = ExportReaders.open(file, dates);
        ChunkDecoder decoder = new ChunkDecoder(file, export.decoder(), normaliser, identifier);
        return new FileImport(file, export, decoder, workers, options).run(new GuardedSink(sink), known, meter);
    }

    private static FileSummary importMailboxList(ExportFile file, RecordSink sink, ProgressMeter meter)
            throws IOException {
        List<IdentityLink> links;
        try (Reader text = file.open().text()) {
            links = new GetMailboxCsv().read(file.path(), text);
        }
        for (IdentityLink link : links) {
            sink.link(link);
        }
        meter.fileDone(file.path(), file.size());
        return new FileSummary(file.path(), file.format(), file.size(), 0, 0, 0, 0, links.size());
    }

    /** A failure of the sink, told apart from a failure to read a file. */
    private static final class SinkFailure extends IOException {
        SinkFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The sink, its failures marked so they stop the import rather than refuse a file. */
    private record GuardedSink(RecordSink sink) implements RecordSink {
        @Override
        public void accept(ImportedRecord record) throws IOException {
            try {
                sink.accept(record);
            } catch (IOException failed) {
                throw new SinkFailure(failed);
            }
        }

        @Override
        public void reject(Reject reject) throws IOException {
            try {
                sink.reject(reject);
            } catch (IOException failed) {
                throw new SinkFailure(failed);
            }
        }
    }

    private ExecutorService workers() {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(options.workers(), work -> Thread.ofPlatform()
                .name("mt-import-worker-" + number.incrementAndGet())
                .daemon()
                .unstarted(work));
    }

    /**
     * The regular files and symbolic links under a directory, recursively, in name order, hidden ones left out.
     * Linked directories are not entered (walk does not follow links); linked files are listed to be skipped.
     */
    private static List<Path> filesUnder(Path directory) throws IOException {
        try (Stream<Path> tree = Files.walk(directory)) {
            return tree.filter(
                            file -> Files.isSymbolicLink(file) || Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
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
