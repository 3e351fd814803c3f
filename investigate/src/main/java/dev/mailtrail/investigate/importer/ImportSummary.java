package dev.mailtrail.investigate.importer;

import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What an import did, per file and in total, which files of its directories it skipped, and which files it
 * refused (or could not read to their end) with the reason.
 */
public record ImportSummary(
        List<FileSummary> files, List<SkippedFile> skipped, List<RefusedFile> refused, Duration elapsed) {
    public ImportSummary {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
        refused = List.copyOf(refused);
    }

    public ImportSummary(List<FileSummary> files, List<SkippedFile> skipped, Duration elapsed) {
        this(files, skipped, List.of(), elapsed);
    }

    /** Whether every file given was imported to its end (rejected rows aside). */
    public boolean complete() {
        return refused.isEmpty();
    }

    public long read() {
        return sum(FileSummary::read);
    }

    public long imported() {
        return sum(FileSummary::imported);
    }

    public long duplicates() {
        return sum(FileSummary::duplicates);
    }

    public long rejected() {
        return sum(FileSummary::rejected);
    }

    public long bytes() {
        return sum(FileSummary::bytes);
    }

    private long sum(ToLongFunction<FileSummary> count) {
        return files.stream().mapToLong(count).sum();
    }

    @Override
    public String toString() {
        return String.format(
                "%d files (%d skipped, %d refused), %d read: %d imported, %d duplicates, %d rejected in %.1f s",
                files.size(),
                skipped.size(),
                refused.size(),
                read(),
                imported(),
                duplicates(),
                rejected(),
                elapsed.toMillis() / 1000.0);
    }
}
