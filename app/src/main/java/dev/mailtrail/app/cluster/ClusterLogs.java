package dev.mailtrail.app.cluster;

import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.opensearch.OpenSearchAuditLog;
import java.io.IOException;

/**
 * The cluster's audit logs as a process that only reads them sees them: a search cmdlet, {@code mt verify} or {@code mt
 * scope} given a data directory that points to the cluster ({@link ClusterPointer}).
 */
public final class ClusterLogs {
    /** The store names a data directory uses, and the suffix of the cluster's log of the same records. */
    public static final String MAILBOX_LOG = "mailbox-audit-log";

    public static final String UNIFIED_LOG = "unified-audit-log";

    private ClusterLogs() {}

    /** Opens the cluster's log named like the data directory's store {@code store} for searching. */
    public static AuditLogSearch open(ClusterSettings settings, String store) throws IOException {
        ChainScheme scheme =
                switch (store) {
                    case MAILBOX_LOG -> ChainScheme.PER_MAILBOX;
                    case UNIFIED_LOG -> ChainScheme.ORGANIZATION;
                    default -> throw new IllegalArgumentException("no audit log " + store);
                };
        return OpenSearchAuditLog.open(settings.search(), name(settings, store), scheme);
    }

    /** The name of the cluster's log holding what a data directory keeps in {@code store}. */
    static String name(ClusterSettings settings, String store) {
        return settings.indexPrefix() + "-" + store;
    }
}
