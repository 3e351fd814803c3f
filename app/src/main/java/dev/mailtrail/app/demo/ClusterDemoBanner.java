package dev.mailtrail.app.demo;

import dev.mailtrail.app.cluster.ClusterSettings;
import dev.mailtrail.demo.DemoUsers;
import java.nio.file.Path;
import java.util.List;

/** What {@code mt demo --cluster} prints once both proxies listen: the cluster, the two port sets, what to type. */
final class ClusterDemoBanner {
    private ClusterDemoBanner() {}

    static String render(ClusterDemo demo, String apiSection) {
        ClusterSettings cluster = demo.settings();
        Path cert = demo.certificate().certificate().toAbsolutePath();
        Path data = demo.data().toAbsolutePath();
        StringBuilder out = new StringBuilder();
        out.append("MailTrail cluster demo: two auditing proxies (strict mode) in front of ")
                .append(demo.mailServer().description())
                .append(
                        ",\njournaling to Apache Kafka and storing in OpenSearch (docs/decisions/0033-cluster-pipeline.md):\n");
        out.append("  Kafka broker (KRaft)  ")
                .append(String.join(",", cluster.bootstrapServers()))
                .append("  topic ")
                .append(cluster.topic())
                .append(", ")
                .append(cluster.partitions())
                .append(" partitions\n");
        out.append("  OpenSearch node       ")
                .append(cluster.search())
                .append("  indexes ")
                .append(cluster.indexPrefix())
                .append("-*\n");
        out.append("  audit cores           ")
                .append(demo.members().size())
                .append(" consumers in group ")
                .append(cluster.group())
                .append(", one per proxy\n");
        for (int index = 0; index < demo.members().size(); index++) {
            out.append("\nProxy ")
                    .append(index + 1)
                    .append(" (data directory ")
                    .append(demo.members().get(index).options().data().toAbsolutePath())
                    .append("), on ")
                    .append(DemoBanner.HOST)
                    .append(":\n");
            for (DemoBanner.ListenerLine line : listeners(demo, index)) {
                out.append(line.render());
            }
        }
        out.append("  users ")
                .append(String.join(", ", DemoUsers.mailboxOwners()))
                .append("   password: ")
                .append(DemoUsers.PASSWORD)
                .append("\n  TLS   ")
                .append(cert)
                .append(" (self-signed, SHA-256 ")
                .append(demo.certificate().sha256Fingerprint())
                .append(")\n");
        out.append("\nRead through either proxy; both feed the one audit trail:\n");
        for (int index = 0; index < demo.members().size(); index++) {
            out.append(String.format(
                    "  curl --ssl-reqd --cacert %s -u %s:%s 'imap://%s:%d/Finance;UID=%d'%n",
                    cert, DemoUsers.ALICE, DemoUsers.PASSWORD, DemoBanner.HOST, demo.port(index, "imap"), index + 1));
        }
        out.append("\nSearch the cluster (cmdlets given --data ")
                .append(data)
                .append(" read OpenSearch while the demo runs):\n");
        out.append("  ./mt Search-MailboxAuditLog --data ")
                .append(data)
                .append(" -Identity ")
                .append(DemoUsers.ALICE)
                .append(" -ShowDetails\n");
        out.append("  ./mt Get-MailTrailAggregationWindow --data ").append(data).append('\n');
        out.append("  ./mt Set-Mailbox --data ")
                .append(data)
                .append(" -Identity ")
                .append(DemoUsers.BOB)
                .append(" -AuditEnabled $false\n");
        out.append("  ./mt verify --data ").append(data).append('\n');
        out.append("  Reads are aggregated as Exchange does: a MailItemsAccessed record appears when its two-minute\n"
                + "  window closes on the journal's clock (or at once when the demo stops).\n");
        out.append(apiSection);
        out.append(
                        "\nCtrl-C stops the demo: the proxies first, then every open window is flushed on every partition and"
                                + " stored,\nthen the cores, the broker and the search node (their data stays in ")
                .append(data)
                .append(").\n");
        return out.toString();
    }

    private static List<DemoBanner.ListenerLine> listeners(ClusterDemo demo, int index) {
        List<DemoBanner.ListenerLine> lines = new java.util.ArrayList<>(List.of(
                new DemoBanner.ListenerLine(
                        "IMAP", demo.port(index, "imap"), "STARTTLS", "IMAPS", demo.port(index, "imaps")),
                new DemoBanner.ListenerLine(
                        "POP3", demo.port(index, "pop3"), "STLS", "POP3S", demo.port(index, "pop3s")),
                new DemoBanner.ListenerLine(
                        "SMTP", demo.port(index, "submission"), "STARTTLS", "SMTPS", demo.port(index, "submissions"))));
        if (demo.members().get(index).proxy().addresses().containsKey("managesieve")) {
            lines.add(new DemoBanner.ListenerLine("Sieve", demo.port(index, "managesieve"), "STARTTLS", "", 0));
        }
        return lines;
    }
}
