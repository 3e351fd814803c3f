package dev.mailtrail.app.cluster;

import dev.mailtrail.store.log.AuditLogSearch;
import java.io.IOException;

/**
 * The cluster's audit logs as a process that only reads them sees them: a search cmdlet, {@code mt verify} or {@code mt
 * scope} given a data directory that points to the cluster ({@link ClusterPointer}).
 */
public final class ClusterLogs {
    /** The store names a data directory uses: what the cmdlets, mt verify and mt scope ask for. */
    public static final String MAILBOX_LOG = "mailbox-audit-log";

    public static final String UNIFIED_LOG = "unified-audit-log";

    private ClusterLogs() {}

    /** Opens the cluster's log named like the data directory's store {@code store} for searching. */
    public static AuditLogSearch open(ClusterSettings settings, String store) throws IOException {
        // the audit cores' own stores say where each log is, so that readers and writers agree by construction
        ClusterStores stores = new OpenSearchStores(settings.search(), settings.indexPrefix());
        try {
            return switch (store) {
                case MAILBOX_LOG -> stores.mailboxLog();
                case UNIFIED_LOG -> stores.unifiedLog();
                default -> throw new IllegalArgumentException("no audit log " + store);
            };
        } catch (UnsupportedOperationException e) {
            throw new IOException("the cluster's audit logs cannot be searched: " + e.getMessage(), e);
        }
    }
}
