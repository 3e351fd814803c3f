package dev.mailtrail.app.ingest;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What an ingest did.
 *
 * @param recordsBefore records the data directory's journal had made before this run
 * @param recordsAfter records made after it (both counted from the journal's start)
 */
record IngestSummary(
        long events, long rejected, boolean unreadable, double seconds, long recordsBefore, long recordsAfter) {

    IngestSummary withRecords(long after) {
        return new IngestSummary(events, rejected, unreadable, seconds, recordsBefore, after);
    }

    boolean clean() {
        return rejected == 0 && !unreadable;
    }

    String describe(Path directory) {
        // a rate of a handful of events, or of a pipe that was mostly waiting for its writer, says nothing
        String rate = seconds >= 1
                ? String.format(Locale.ROOT, " in %.1f s", seconds)
                        + (events >= 1_000
                                ? String.format(Locale.ROOT, " (%,.0f events/s durable)", events / seconds)
                                : "")
                : "";
        return String.format(
                Locale.ROOT,
                "mt ingest: %,d events journaled%s, %,d records made; rejected lines: %d; data: %s",
                events,
                rate,
                recordsAfter - recordsBefore,
                rejected,
                directory);
    }
}
