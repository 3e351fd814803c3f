package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataWriter;
import dev.mailtrail.store.log.AuditLogStore;
import dev.mailtrail.store.log.StoredRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each record the audit core makes goes, for a data directory's stores and for a cluster partition's writers
 * alike: every record of a mailbox to the mailbox audit log, every record the organisation lets flow to the unified
 * audit log. Records are numbered from the journal's (or the partition's) start; a log skips those its last
 * checkpoint holds, so that a replay stores nothing twice. What is taken waits in a buffer until {@link #append}.
 */
public final class RecordRouting {
    /** Where one record went. */
    public record Routed(boolean toMailboxLog, boolean toUnifiedLog) {
        static final Routed NOWHERE = new Routed(false, false);
    }

    private final AuditLogStore mailboxLog;
    private final AuditLogStore unifiedLog;
    private final AuditDataWriter auditData = new AuditDataWriter();
    private final List<StoredRecord> toMailboxLog = new ArrayList<>();
    private final List<StoredRecord> toUnifiedLog = new ArrayList<>();
    private long made;
    private long uncommitted;

    public RecordRouting(AuditLogStore mailboxLog, AuditLogStore unifiedLog) {
        this.mailboxLog = mailboxLog;
        this.unifiedLog = unifiedLog;
    }

    /** Takes the next record the core made, under the organisation's flow policy of that moment. */
    public Routed accept(AuditRecord record, OrganizationConfig organization) {
        made++;
        boolean toMailbox =
                toMailboxLog(record) && made > mailboxLog.checkpoint().records();
        boolean toUnified = made > unifiedLog.checkpoint().records() && toUnifiedLog(record, organization);
        if (!toMailbox && !toUnified) {
            return Routed.NOWHERE;
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
        return new Routed(toMailbox, toUnified);
    }

    /** Whether a record belongs in the mailbox audit log: every record of a mailbox does. */
    public static boolean toMailboxLog(AuditRecord record) {
        return record.mailboxOwnerUpn() != null;
    }

    /** Whether a record belongs in the unified audit log under the organisation's flow policy of its moment. */
    public static boolean toUnifiedLog(AuditRecord record, OrganizationConfig organization) {
        return MailboxAction.parse(record.operation())
                .map(organization::flowsToUnifiedLog)
                .orElse(true);
    }

    /** A record the core numbered and dropped (a configuration-only entry): counted, never stored. */
    public void dropped() {
        made++;
    }

    /** Counts on from {@code records} at least (a snapshot restored, or records the journal can no longer make). */
    public void skipTo(long records) {
        made = Math.max(made, records);
    }

    /** Records made so far, from the journal's start. */
    public long made() {
        return made;
    }

    /** Records taken since the last {@link #committed()}. */
    public long uncommitted() {
        return uncommitted;
    }

    /** Hands what is buffered to the logs (searchable after their next commit or refresh). */
    public void append() throws IOException {
        if (!toMailboxLog.isEmpty()) {
            mailboxLog.appendStored(toMailboxLog);
            toMailboxLog.clear();
        }
        if (!toUnifiedLog.isEmpty()) {
            unifiedLog.appendStored(toUnifiedLog);
            toUnifiedLog.clear();
        }
    }

    /** Both logs committed what was appended. */
    public void committed() {
        uncommitted = 0;
    }

    /** Forgets what is buffered (given up without committing: a replay makes it again). */
    public void forget() {
        toMailboxLog.clear();
        toUnifiedLog.clear();
    }
}
