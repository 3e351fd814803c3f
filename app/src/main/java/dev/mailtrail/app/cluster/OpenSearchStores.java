package dev.mailtrail.app.cluster;

import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.AuditLogStore;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.opensearch.CoreStates;
import dev.mailtrail.store.opensearch.OpenSearchAuditLog;
import dev.mailtrail.store.opensearch.OpenSearchLogView;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * The cluster's stores in OpenSearch: the mailbox audit log ({@code PREFIX-mailbox}) and the unified audit log
 * ({@code PREFIX-unified}), each written by one writer per partition ({@code p3} for partition 3), and the
 * partitions' core states ({@code PREFIX-core-states}).
 */
final class OpenSearchStores implements ClusterStores {
    private final URI node;
    private final String prefix;
    private final CoreStates states;
    private final OpenSearchLogView mailboxLog;
    private final OpenSearchLogView unifiedLog;

    OpenSearchStores(URI node, String prefix) throws IOException {
        this.node = node;
        this.prefix = prefix;
        this.states = CoreStates.open(node, prefix + "-core-states");
        // opening a writer makes its log's indexes if missing, once, before the cores race to (and searches find them)
        mailboxWriter(0).close();
        unifiedWriter(0).close();
        this.mailboxLog = OpenSearchLogView.open(node, mailboxLogName(prefix));
        this.unifiedLog = OpenSearchLogView.open(node, unifiedLogName(prefix));
    }

    /** The mailbox audit log's name in the search cluster. */
    static String mailboxLogName(String prefix) {
        return prefix + "-mailbox";
    }

    /** The unified audit log's name in the search cluster. */
    static String unifiedLogName(String prefix) {
        return prefix + "-unified";
    }

    /** The writer name of {@code partition} in every log. */
    static String writer(int partition) {
        return "p" + partition;
    }

    @Override
    public AuditLogStore mailboxWriter(int partition) throws IOException {
        return OpenSearchAuditLog.open(node, mailboxLogName(prefix), ChainScheme.PER_MAILBOX, writer(partition));
    }

    @Override
    public AuditLogStore unifiedWriter(int partition) throws IOException {
        return OpenSearchAuditLog.open(node, unifiedLogName(prefix), ChainScheme.ORGANIZATION, writer(partition));
    }

    @Override
    public Optional<byte[]> snapshot(int partition) throws IOException {
        return states.load(writer(partition)).map(CoreStates.CoreState::snapshot);
    }

    @Override
    public void saveSnapshot(int partition, long offset, long records, byte[] snapshot) throws IOException {
        states.save(writer(partition), offset, records, snapshot);
    }

    @Override
    public AuditLogSearch mailboxLog() {
        return mailboxLog;
    }

    @Override
    public AuditLogSearch unifiedLog() {
        return unifiedLog;
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
