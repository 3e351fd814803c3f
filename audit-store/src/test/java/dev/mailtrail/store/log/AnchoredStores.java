package dev.mailtrail.store.log;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.store.anchor.AnchorReport;
import dev.mailtrail.store.anchor.AnchorVerifier;
import dev.mailtrail.store.anchor.AnchorWriter;
import dev.mailtrail.store.anchor.AnchoredChain;
import dev.mailtrail.store.anchor.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A data directory's two stores written as the pipeline writes them (a full digest when opened, one of the changed
 * chains after every commit), and checked against their digests as {@code mt verify --anchors} checks them.
 */
final class AnchoredStores implements AutoCloseable {
    static final String MAILBOX = "mailbox-audit-log";
    static final String UNIFIED = "unified-audit-log";

    private final LuceneAuditLog mailbox;
    private final LuceneAuditLog unified;
    private final AnchorWriter anchors;
    private long records;

    AnchoredStores(Path data, Path anchorsDirectory, Path key) throws IOException {
        mailbox = LuceneAuditLog.open(data.resolve(MAILBOX), ChainScheme.PER_MAILBOX);
        unified = LuceneAuditLog.open(data.resolve(UNIFIED), ChainScheme.ORGANIZATION);
        records = mailbox.checkpoint().records();
        anchors = AnchorWriter.open(
                anchorsDirectory,
                SigningKey.loadOrCreate(key),
                Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
        List<AnchoredChain> all = new ArrayList<>(mailbox.heads());
        all.addAll(unified.heads());
        anchors.write(true, all);
    }

    void commit(List<AuditRecord> batch) throws IOException {
        mailbox.append(batch);
        unified.append(batch);
        records += batch.size();
        mailbox.commit(new Checkpoint(records, records));
        unified.commit(new Checkpoint(records, records));
        List<AnchoredChain> changed = new ArrayList<>(mailbox.lastCommitted());
        changed.addAll(unified.lastCommitted());
        anchors.write(false, changed);
    }

    @Override
    public void close() throws IOException {
        mailbox.close();
        unified.close();
    }

    static AnchorReport verify(Path data, Path anchorsDirectory, Path key) throws IOException {
        return verify(data, anchorsDirectory, SigningKey.load(key).verificationKey());
    }

    static AnchorReport verify(Path data, Path anchorsDirectory, dev.mailtrail.store.anchor.VerificationKey key)
            throws IOException {
        Map<String, LuceneAuditLog> open = new java.util.HashMap<>();
        try {
            for (String store : List.of(MAILBOX, UNIFIED)) {
                if (Files.exists(data.resolve(store))) {
                    open.put(store, LuceneAuditLog.openForSearch(data.resolve(store)));
                }
            }
            return AnchorVerifier.verify(anchorsDirectory, key, new LucenePresentLog(open));
        } finally {
            for (LuceneAuditLog log : open.values()) {
                log.close();
            }
        }
    }
}
