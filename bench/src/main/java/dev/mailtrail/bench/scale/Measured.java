package dev.mailtrail.bench.scale;

/**
 * What one run measured.
 *
 * @param ackSeconds until every event was durable (journal fsync, or Kafka's {@code acks=all})
 * @param endSeconds until every record made from them was committed to the stores
 * @param records records the audit core(s) made
 * @param storedRecords records in the stores, both logs (a mailbox record is in both)
 * @param storeBytes both logs on disk
 * @param journalBytes the journal on disk: the local journal's segments, or the Kafka topic's log segments
 * @param detail what else was seen (shards, CPU), for the report
 */
public record Measured(
        String pipeline,
        long events,
        double ackSeconds,
        double endSeconds,
        long records,
        long storedRecords,
        long storeBytes,
        long journalBytes,
        Latency page,
        Latency day,
        Latency messageId,
        String detail) {
    public double ackRate() {
        return events / ackSeconds;
    }

    public double endRate() {
        return events / endSeconds;
    }

    public double recordRate() {
        return records / endSeconds;
    }

    public double bytesPerRecord() {
        return storedRecords == 0 ? Double.NaN : (double) storeBytes / storedRecords;
    }

    public double journalBytesPerEvent() {
        return (double) journalBytes / events;
    }
}
