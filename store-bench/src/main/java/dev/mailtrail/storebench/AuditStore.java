package dev.mailtrail.storebench;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a candidate engine must do for the comparison: append durably in batches, and answer the three searches
 * the product needs fastest. Times are epoch seconds, ranges are half-open {@code [from, to)}.
 */
public interface AuditStore extends AutoCloseable {

    /** Appends the batch and returns only once it survives a crash (the engine's durable commit). */
    void append(List<BenchRecord> batch) throws Exception;

    /** What the engine normally does at the end of a load (a checkpoint); counted in the ingest time. */
    void finishIngest() throws Exception;

    /** The engine's normal compaction, if it has one; returns false when there is nothing to do. */
    boolean compact() throws Exception;

    /** Q1: the {@code limit} newest records of one mailbox, newest first, ties broken by newest seq. */
    List<Hit> newestOfMailbox(String mailbox, long from, long to, int limit) throws Exception;

    /** Q2: organisation-wide record counts by Operation. */
    Map<String, Long> countByOperation(long from, long to) throws Exception;

    /** Q3: every record containing the InternetMessageId, in seq order. */
    List<Hit> findMessageId(String messageId, Lookup lookup) throws Exception;

    /** The ways this store can do Q3. */
    Set<Lookup> lookups();

    /** One search result: the record's seq and its AuditData JSON. */
    record Hit(long seq, String auditData) {}

    /** How Q3 finds a message id: through an index of message ids, or by reading every AuditData. */
    enum Lookup {
        INDEXED,
        SCAN
    }
}
