package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.store.anchor.AnchorWriter;
import dev.mailtrail.store.anchor.AnchoredChain;
import dev.mailtrail.store.anchor.SigningKey;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.Checkpoint;
import dev.mailtrail.store.log.LuceneAuditLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    private final AnchorWriter anchors;
    private final RecordRouting routing;
    private volatile PipelineObserver observer = PipelineObserver.NONE;

    AuditLogs(Path dataDirectory) throws IOException {
        this(dataDirectory, Optional.empty(), Clock.systemUTC());
    }

    /**
     * Opens both stores; with {@code anchoring}, writes a full digest of their committed state at once, and one of
     * the chains each commit changes after it.
     */
    AuditLogs(Path dataDirectory, Optional<Anchoring> anchoring, Clock wall) throws IOException {
        this.mailboxLog = LuceneAuditLog.open(dataDirectory.resolve(MAILBOX_LOG), ChainScheme.PER_MAILBOX);
        try {
            this.unifiedLog = LuceneAuditLog.open(dataDirectory.resolve(UNIFIED_LOG), ChainScheme.ORGANIZATION);
        } catch (IOException | RuntimeException e) {
            mailboxLog.close();
            throw e;
        }
        this.routing = new RecordRouting(mailboxLog, unifiedLog);
        try {
            this.anchors = anchoring.isPresent() ? openAnchors(dataDirectory, anchoring.get(), wall) : null;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private AnchorWriter openAnchors(Path dataDirectory, Anchoring anchoring, Clock wall) throws IOException {
        anchoring.requireOutside(dataDirectory);
        SigningKey key;
        try {
            key = SigningKey.loadOrCreate(anchoring.signingKey());
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException("the anchor signing key " + anchoring.signingKey() + " cannot be used: " + e, e);
        }
        try {
            AnchorWriter writer = AnchorWriter.open(anchoring.anchors(), key, wall);
            List<AnchoredChain> all = new ArrayList<>(mailboxLog.heads());
            all.addAll(unifiedLog.heads());
            writer.write(true, all);
            return writer;
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException("the anchors directory " + anchoring.anchors() + " cannot be written: " + e, e);
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
        RecordRouting.Routed routed = routing.accept(record, organization);
        if (routed.toMailboxLog()) {
            observer.stored(MAILBOX_LOG, record.recordType());
        }
        if (routed.toUnifiedLog()) {
            observer.stored(UNIFIED_LOG, record.recordType());
        }
    }

    void observe(PipelineObserver observer) {
        this.observer = observer;
    }

    /** Counts on from {@code records} at least: records the stores hold that the journal can no longer make. */
    void skipTo(long records) {
        routing.skipTo(records);
    }

    /** How far the store that reaches further has committed. */
    Checkpoint furthestCheckpoint() {
        Checkpoint mailbox = mailboxLog.checkpoint();
        Checkpoint unified = unifiedLog.checkpoint();
        return new Checkpoint(
                Math.max(mailbox.journalSequence(), unified.journalSequence()),
                Math.max(mailbox.records(), unified.records()));
    }

    /** How far the store that lags has committed: what both hold. */
    Checkpoint nearestCheckpoint() {
        Checkpoint mailbox = mailboxLog.checkpoint();
        Checkpoint unified = unifiedLog.checkpoint();
        return mailbox.journalSequence() <= unified.journalSequence() ? mailbox : unified;
    }

    /** Records made so far, from the journal's start. */
    long made() {
        return routing.made();
    }

    long uncommitted() {
        return routing.uncommitted();
    }

    /** Hands what is buffered to the stores (searchable in this process after a refresh). */
    void append() throws IOException {
        routing.append();
    }

    /** Makes everything durable, reaching {@code journalSequence}. */
    void commit(long journalSequence) throws IOException {
        append();
        Checkpoint reached = new Checkpoint(journalSequence, routing.made());
        mailboxLog.commit(reached);
        unifiedLog.commit(reached);
        routing.committed();
        if (anchors != null) {
            // after the commit, never before: a digest anchors only what is durable in the stores
            List<AnchoredChain> changed = new ArrayList<>(mailboxLog.lastCommitted());
            changed.addAll(unifiedLog.lastCommitted());
            if (!changed.isEmpty()) {
                anchors.write(false, changed);
            }
        }
    }

    /**
     * One retention pass: each mailbox's chain by its AuditLogAgeLimit (the default for a mailbox the configuration
     * does not know), the unified log by {@code unifiedRetention}. What waits to be appended is appended first, so
     * that a record made late but old is purged with its neighbours. Purges are part of the next commit.
     */
    RetentionReport purgeExpired(AuditConfiguration configuration, Instant now, Duration unifiedRetention)
            throws IOException {
        append();
        long mailboxRecords = 0;
        long mailboxes = 0;
        for (String chain : mailboxLog.chains()) {
            Duration limit = RetentionPolicies.mailboxLimit(configuration, chain);
            long purged = mailboxLog.purge(chain, now.minus(limit), RetentionPolicies.mailboxPolicy(limit), now);
            if (purged > 0) {
                mailboxRecords += purged;
                mailboxes++;
            }
        }
        long unified = unifiedLog.purge(
                ChainScheme.ORGANIZATION_CHAIN,
                now.minus(unifiedRetention),
                RetentionPolicies.unifiedPolicy(unifiedRetention),
                now);
        return new RetentionReport(mailboxRecords, mailboxes, unified);
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
