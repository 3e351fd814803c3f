package dev.mailtrail.app.cluster;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataWriter;
import dev.mailtrail.store.log.AuditLogStore;
import dev.mailtrail.store.log.Checkpoint;
import dev.mailtrail.store.log.StoredRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One partition's two writers and where each record goes, as a data directory's stores are for the embedded
 * pipeline: every record of a mailbox to the mailbox audit log, every record the organisation lets flow to the unified
 * audit log. Records are counted from the partition's start; a writer skips those its last checkpoint holds, so that
 * a core that applies the partition again after a crash or a rebalance stores nothing twice.
 */
final class PartitionLogs {
    private final AuditLogStore mailboxLog;
    private final AuditLogStore unifiedLog;
    private final AuditDataWriter auditData = new AuditDataWriter();
    private final List<StoredRecord> toMailboxLog = new ArrayList<>();
    private final List<StoredRecord> toUnifiedLog = new ArrayList<>();
    private long made;
    private long uncommitted;

    PartitionLogs(AuditLogStore mailboxLog, AuditLogStore unifiedLog) {
        this.mailboxLog = mailboxLog;
        this.unifiedLog = unifiedLog;
    }

    /** Takes the next record the partition's core made, under the organisation's flow policy of that moment. */
    void accept(AuditRecord record, OrganizationConfig organization) {
        made++;
        boolean toMailbox = record.mailboxOwnerUpn() != null
                && made > mailboxLog.checkpoint().records();
        boolean toUnified = made > unifiedLog.checkpoint().records()
                && MailboxAction.parse(record.operation())
                        .map(organization::flowsToUnifiedLog)
                        .orElse(true);
        if (!toMailbox && !toUnified) {
            return;
        }
        StoredRecord stored = new StoredRecord(record, auditData.toJson(record));
        if (toMailbox) {
            toMailboxLog.add(stored);
            uncommitted++;
        }
        if (toUnified) {
            toUnifiedLog.add(stored);
            uncommitted++;
        }
    }

    /** A record the core numbered and dropped (a configuration only entry): counted, never stored. */
    void dropped() {
        made++;
    }

    /** Counts on from {@code records}: what a snapshot restored had made. */
    void skipTo(long records) {
        made = Math.max(made, records);
    }

    /** How far the writer that lags has committed: what both hold. */
    Checkpoint nearestCheckpoint() {
        Checkpoint mailbox = mailboxLog.checkpoint();
        Checkpoint unified = unifiedLog.checkpoint();
        return mailbox.records() <= unified.records() ? mailbox : unified;
    }

    long made() {
        return made;
    }

    long uncommitted() {
        return uncommitted;
    }

    /** Stores what is buffered and makes it durable with the checkpoint: the offset to read next, the records made. */
    void commit(long nextOffset) throws IOException {
        store();
        Checkpoint reached = new Checkpoint(nextOffset, made);
        // a writer that holds more than the core has made again so far (a replay catching up) keeps its checkpoint:
        // moving it back would have its chains continued from heads that are ahead of the records made
        if (made >= mailboxLog.checkpoint().records()) {
            mailboxLog.commit(reached);
        }
        if (made >= unifiedLog.checkpoint().records()) {
            unifiedLog.commit(reached);
        }
        uncommitted = 0;
    }

    /** Hands what is buffered to the writers, without a checkpoint. */
    void store() throws IOException {
        if (!toMailboxLog.isEmpty()) {
            mailboxLog.appendStored(toMailboxLog);
            toMailboxLog.clear();
        }
        if (!toUnifiedLog.isEmpty()) {
            unifiedLog.appendStored(toUnifiedLog);
            toUnifiedLog.clear();
        }
    }

    /** Forgets what is buffered (a partition given up without committing: its next owner makes it again). */
    void close() throws IOException {
        toMailboxLog.clear();
        toUnifiedLog.clear();
        try {
            mailboxLog.close();
        } finally {
            unifiedLog.close();
        }
    }
}
