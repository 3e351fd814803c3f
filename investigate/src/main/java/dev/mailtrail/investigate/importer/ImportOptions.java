package dev.mailtrail.investigate.importer;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How an import reads.
 *
 * @param zonelessDates the zone of dates written without one (CreationDate, LastAccessed, TimeGenerated in US
 *     locale): UTC, as Exchange stores and Purview shows them, unless the export was made in a local time
 * @param workers threads that parse records, besides the one reading the file
 * @param chunkRecords rows handed to a worker at once: large enough that handing over costs little, small enough
 *     that memory stays bounded
 */
public record ImportOptions(ZoneId zonelessDates, int workers, int chunkRecords) {
    public ImportOptions {
        Objects.requireNonNull(zonelessDates, "zonelessDates");
        if (workers < 1 || chunkRecords < 1) {
            throw new IllegalArgumentException("workers and chunkRecords must be positive");
        }
    }

    /** UTC, one worker per processor, 256 records a chunk. */
    public static ImportOptions defaults() {
        return new ImportOptions(ZoneOffset.UTC, Runtime.getRuntime().availableProcessors(), 256);
    }

    public ImportOptions withZonelessDates(ZoneId zone) {
        return new ImportOptions(zone, workers, chunkRecords);
    }

    public ImportOptions withWorkers(int count) {
        return new ImportOptions(zonelessDates, count, chunkRecords);
    }
}
