package dev.mailtrail.investigate.importer;

import java.nio.file.Path;

/** Turns per-file positions into an import's progress, told to an {@link ImportProgress} at most ten times a second. */
final class ProgressMeter {
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final ImportProgress progress;
    private final long total;
    private long doneBefore;
    private long lastNanos = System.nanoTime() - INTERVAL_NANOS;

    ProgressMeter(ImportProgress progress, long total) {
        this.progress = progress;
        this.total = total;
    }

    void fileAt(Path file, long bytesInFile) {
        long now = System.nanoTime();
        if (now - lastNanos >= INTERVAL_NANOS) {
            lastNanos = now;
            progress.update(file, doneBefore + bytesInFile, total);
        }
    }

    void fileDone(Path file, long size) {
        doneBefore += size;
        lastNanos = System.nanoTime();
        progress.update(file, doneBefore, total);
    }
}
