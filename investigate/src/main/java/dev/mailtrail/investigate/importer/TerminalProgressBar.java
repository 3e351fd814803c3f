package dev.mailtrail.investigate.importer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An import's progress as one terminal line redrawn in place:
 * {@code  45% [#########           ] 1.2 GB of 2.7 GB, 85 MB/s  audit-2026-03.csv}. A newline ends it when all
 * bytes are done.
 */
public final class TerminalProgressBar implements ImportProgress {
    private static final int WIDTH = 30;
    private static final double MEGABYTE = 1e6;
    private static final double GIGABYTE = 1e9;

    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private boolean finished;

    public TerminalProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void update(Path file, long bytesDone, long bytesTotal) {
        if (finished) {
            return;
        }
        double fraction = bytesTotal == 0 ? 1 : Math.min(1, (double) bytesDone / bytesTotal);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        out.printf(
                Locale.ROOT,
                "\r%3d%% [%s%s] %s of %s, %.0f MB/s  %s\u001B[K",
                Math.round(fraction * 100),
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                size(bytesDone),
                size(bytesTotal),
                bytesDone / MEGABYTE / seconds,
                file.getFileName());
        if (bytesDone >= bytesTotal) {
            out.println();
            finished = true;
        }
        out.flush();
    }

    private static String size(long bytes) {
        return bytes >= GIGABYTE
                ? String.format(Locale.ROOT, "%.1f GB", bytes / GIGABYTE)
                : String.format(Locale.ROOT, "%.1f MB", bytes / MEGABYTE);
    }
}
