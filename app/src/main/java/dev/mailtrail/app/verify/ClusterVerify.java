package dev.mailtrail.app.verify;

import dev.mailtrail.app.cluster.ClusterLogs;
import dev.mailtrail.app.cluster.ClusterSettings;
import dev.mailtrail.store.chain.TamperFinding;
import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.VerifyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code mt verify} on a data directory that points to a cluster: the chains of the cluster's logs, walked in the
 * search cluster. The journal is Kafka's topic, which its brokers keep replicated and checksummed; what the
 * embedded journal's cross-checks hold against the stores, the cores' checkpoints hold there (decision 0033).
 */
final class ClusterVerify {
    private ClusterVerify() {}

    static boolean run(ClusterSettings cluster, List<String> stores, PrintWriter out) {
        boolean intact = true;
        out.println("cluster: records in " + cluster.search() + " (" + cluster.indexPrefix() + "-*), journal on Kafka "
                + String.join(",", cluster.bootstrapServers()) + " topic " + cluster.topic());
        for (String store : stores) {
            try (AuditLogSearch log = ClusterLogs.open(cluster, store)) {
                VerifyReport report = log.verify();
                intact &= report.intact();
                out.println(VerifyCommand.describe(store, report));
                for (TamperFinding finding : report.findings()) {
                    out.println("  " + finding);
                }
                for (String corrupt : report.corruption()) {
                    out.println("  corrupt: " + corrupt);
                }
            } catch (IOException | RuntimeException e) {
                intact = false;
                out.println(store + ": cannot be read in " + cluster.search() + ": " + e.getMessage());
            }
        }
        return intact;
    }
}
