package dev.mailtrail.app.cluster;

import dev.mailtrail.app.pipeline.RecordRouting;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.store.log.AuditLogStore;
import dev.mailtrail.store.log.Checkpoint;
import java.io.IOException;

/**
 * One partition's two writers and where each record goes, as a data directory's stores are for the embedded
 * pipeline: every record of a mailbox to the mailbox audit log, every record the organisation lets flow to the unified
 * audit log. Records are counted from the partition's start; a writer skips those its last checkpoint holds, so that
 * a core that applies the partition again after a crash or a rebalance stores nothing twice.
 */
final class PartitionLogs {
    private final AuditLogStore mailboxLog;
    private final AuditLogStore unifiedLog;
    private final RecordRouting routing;

    PartitionLogs(AuditLogStore mailboxLog, AuditLogStore unifiedLog) {
        this.mailboxLog = mailboxLog;
        this.unifiedLog = unifiedLog;
        this.routing = new RecordRouting(mailboxLog, unifiedLog);
    }

    /** Takes the next record the partition's core made, under the organisation's flow policy of that moment. */
    void accept(AuditRecord record, OrganizationConfig organization) {
        routing.accept(record, organization);
    }

    /** A record the core numbered and dropped (a configuration only entry): counted, never stored. */
    void dropped() {
        routing.dropped();
    }

    /** Counts on from {@code records}: what a snapshot restored had made. */
    void skipTo(long records) {
        routing.skipTo(records);
    }

    /** How far the writer that lags has committed: what both hold. */
    Checkpoint nearestCheckpoint() {
        Checkpoint mailbox = mailboxLog.checkpoint();
        Checkpoint unified = unifiedLog.checkpoint();
        return mailbox.records() <= unified.records() ? mailbox : unified;
    }

    long made() {
        return routing.made();
    }

    long uncommitted() {
        return routing.uncommitted();
    }

    /** Stores what is buffered and makes it durable with the checkpoint: the offset to read next, the records made. */
    void commit(long nextOffset) throws IOException {
        store();
        long made = routing.made();
        Checkpoint reached = new Checkpoint(nextOffset, made);
        // a writer that holds more than the core has made again so far (a replay catching up) keeps its checkpoint:
        // moving it back would have its chains continued from heads that are ahead of the records made
        if (made >= mailboxLog.checkpoint().records()) {
            mailboxLog.commit(reached);
        }
        if (made >= unifiedLog.checkpoint().records()) {
            unifiedLog.commit(reached);
        }
        routing.committed();
    }

    /** Hands what is buffered to the writers, without a checkpoint. */
    void store() throws IOException {
        routing.append();
    }

    /** Forgets what is buffered (a partition given up without committing: its next owner makes it again). */
    void close() throws IOException {
        routing.forget();
        try {
            mailboxLog.close();
        } finally {
            unifiedLog.close();
        }
    }
}
