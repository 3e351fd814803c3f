package dev.mailtrail.app.cluster;

import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.AuditLogStore;
import java.io.IOException;
import java.util.Optional;

/**
 * Where the audit cores of a cluster keep what they make (decision 0033): per partition of the journal, a writer into
 * the mailbox audit log and one into the unified audit log (each with its checkpoint: the offset reached and the
 * records made), and the partition core's latest snapshot; for everyone, read views over both logs.
 */
interface ClusterStores extends AutoCloseable {

    /** The writer of {@code partition}'s records into the mailbox audit log; one writer per partition at a time. */
    AuditLogStore mailboxWriter(int partition) throws IOException;

    /** The writer of {@code partition}'s records into the unified audit log. */
    AuditLogStore unifiedWriter(int partition) throws IOException;

    /** The snapshot of {@code partition}'s core last saved (as {@code CoreSnapshots.toBytes} made it), if any. */
    Optional<byte[]> snapshot(int partition) throws IOException;

    /**
     * Replaces {@code partition}'s snapshot, which reaches {@code offset} (the next to read) with {@code records}
     * made; durable when this returns.
     */
    void saveSnapshot(int partition, long offset, long records, byte[] snapshot) throws IOException;

    /** Every partition's records in the mailbox audit log. */
    AuditLogSearch mailboxLog();

    /** Every partition's records in the unified audit log. */
    AuditLogSearch unifiedLog();

    @Override
    void close() throws IOException;
}
