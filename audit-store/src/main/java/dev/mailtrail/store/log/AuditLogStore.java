package dev.mailtrail.store.log;

import dev.mailtrail.core.record.AuditRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A writable audit log: one writer per store. Records are appended in batches and become durable together at
 * {@link #commit}, which also records how far the event journal's replay reaches ({@link Checkpoint}); what is
 * appended and not yet committed is rebuilt from the journal after a crash.
 */
public interface AuditLogStore extends AuditLogSearch {

    /** Appends records in order, each to its hash chain. Searchable after the next commit or refresh. */
    default void append(List<AuditRecord> records) throws IOException {
        appendStored(StoredRecord.of(records));
    }

    /** Appends records whose AuditData is already written (the same bytes go into the chain). */
    void appendStored(List<StoredRecord> records) throws IOException;

    /** Makes every appended record durable, with the checkpoint they reach. */
    void commit(Checkpoint checkpoint) throws IOException;

    /** The checkpoint of the last commit ({@link Checkpoint#EMPTY} for a new store). */
    Checkpoint checkpoint();

    /** Makes appended records visible to this process's searches without a commit. */
    void refresh() throws IOException;

    /**
     * Removes the oldest records of one chain: every record from the chain's start up to the last one before
     * {@code cutoff} that has only older records before it, and leaves a purge mark naming {@code policy}. Part of
     * the next commit.
     *
     * @return how many records were purged
     */
    long purge(String chain, Instant cutoff, String policy, Instant now) throws IOException;

    /** The chains this store holds (one per mailbox, or the one organisation-wide chain). */
    List<String> chains() throws IOException;
}
