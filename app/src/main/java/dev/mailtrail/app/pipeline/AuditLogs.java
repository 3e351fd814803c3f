package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.Checkpoint;
import dev.mailtrail.store.log.LuceneAuditLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two stores a data directory holds and where each record goes: the mailbox audit log takes every record of a
 * mailbox; the unified audit log takes every record whose action the organisation lets flow there. Records are
 * counted from the journal's start; a store skips those its last commit already holds.
 */
final class AuditLogs implements AutoCloseable {
    static final String MAILBOX_LOG = "mailbox-audit-log";
    static final String UNIFIED_LOG = "unified-audit-log";

    private final LuceneAuditLog mailboxLog;
    private final LuceneAuditLog unifiedLog;
    private final List<AuditRecord> toMailboxLog = new ArrayList<>();
    private final List<AuditRecord> toUnifiedLog = new ArrayList<>();
    private long made;
    private long uncommitted;

    AuditLogs(Path dataDirectory) throws IOException {
        this.mailboxLog = LuceneAuditLog.open(dataDirectory.resolve(MAILBOX_LOG), ChainScheme.PER_MAILBOX);
        try {
            this.unifiedLog = LuceneAuditLog.open(dataDirectory.resolve(UNIFIED_LOG), ChainScheme.ORGANIZATION);
        } catch (IOException | RuntimeException e) {
            mailboxLog.close();
            throw e;
        }
    }

    LuceneAuditLog mailboxLog() {
        return mailboxLog;
    }

    LuceneAuditLog unifiedLog() {
        return unifiedLog;
    }

    /** Takes the next record the core made, under the organisation's flow policy of that moment. */
    void accept(AuditRecord record, OrganizationConfig organization) {
        made++;
        if (record.mailboxOwnerUpn() != null && made > mailboxLog.checkpoint().records()) {
            toMailboxLog.add(record);
            uncommitted++;
        }
        boolean flows = MailboxAction.parse(record.operation())
                .map(organization::flowsToUnifiedLog)
                .orElse(true);
        if (flows && made > unifiedLog.checkpoint().records()) {
            toUnifiedLog.add(record);
            uncommitted++;
        }
    }

    /** Records made so far, from the journal's start. */
    long made() {
        return made;
    }

    long uncommitted() {
        return uncommitted;
    }

    /** Hands what is buffered to the stores (searchable in this process after a refresh). */
    void append() throws IOException {
        if (!toMailboxLog.isEmpty()) {
            mailboxLog.append(toMailboxLog);
            toMailboxLog.clear();
        }
        if (!toUnifiedLog.isEmpty()) {
            unifiedLog.append(toUnifiedLog);
            toUnifiedLog.clear();
        }
    }

    /** Makes everything durable, reaching {@code journalSequence}. */
    void commit(long journalSequence) throws IOException {
        append();
        Checkpoint reached = new Checkpoint(journalSequence, made);
        mailboxLog.commit(reached);
        unifiedLog.commit(reached);
        uncommitted = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            mailboxLog.close();
        } finally {
            unifiedLog.close();
        }
    }
}
