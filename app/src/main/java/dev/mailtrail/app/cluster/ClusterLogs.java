package dev.mailtrail.app.cluster;

import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.opensearch.OpenSearchLogView;
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
        // named as the audit cores' own stores name them, so that readers and writers agree by construction
        String prefix = settings.indexPrefix();
        return switch (store) {
            case MAILBOX_LOG -> OpenSearchLogView.open(settings.search(), OpenSearchStores.mailboxLogName(prefix));
            case UNIFIED_LOG -> OpenSearchLogView.open(settings.search(), OpenSearchStores.unifiedLogName(prefix));
            default -> throw new IllegalArgumentException("no audit log " + store);
        };
    }
}
