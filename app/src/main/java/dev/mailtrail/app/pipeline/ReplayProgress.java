package dev.mailtrail.app.pipeline;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Says how a long replay goes: nothing for one that ends within two seconds, then a line every five seconds and
 * one at the end, so that a person at a terminal does not wait in silence.
 */
final class ReplayProgress {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long EVERY_NANOS = 5_000_000_000L;

    private final PrintStream notices;
    private final Path directory;
    private final long total;
    private final long started = System.nanoTime();
    private long nextNotice = started + QUIET_NANOS;

    /** @param notices where to say it, or null for silence */
    ReplayProgress(PrintStream notices, Path directory, long total) {
        this.notices = notices;
        this.directory = directory;
        this.total = total;
    }

    void applied(long entries) {
        if (notices != null && (entries & 0x3FFF) == 0 && System.nanoTime() > nextNotice) {
            nextNotice = System.nanoTime() + EVERY_NANOS;
            notices.printf(
                    Locale.ROOT,
                    "mt: rebuilding the audit state from the journal of %s: %,d of %,d entries%n",
                    directory,
                    entries,
                    total);
        }
    }

    void done(long entries) {
        long elapsed = System.nanoTime() - started;
        if (notices != null && elapsed > QUIET_NANOS) {
            notices.printf(
                    Locale.ROOT,
                    "mt: audit state rebuilt from %,d journal entries in %.0f s%n",
                    entries,
                    elapsed / 1e9);
        }
    }
}
