package dev.mailtrail.app.cluster;

import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.VerifyReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cluster's mailbox audit log records of reads, read back from OpenSearch by a process that runs no audit
 * core: for each Message-ID, how many MailItemsAccessed records name it; every record Id seen more than once; and
 * both logs' hash chains verified.
 */
record RecordedReads(
        Map<String, Integer> recordsPerMessage,
        List<String> repeatedIds,
        long records,
        VerifyReport mailboxChains,
        VerifyReport unifiedChains) {

    private static final Pattern MESSAGE_ID = Pattern.compile("\"InternetMessageId\"\\s*:\\s*\"<([^>\"]+)>\"");

    /** Reads the cluster of {@code settings} with a process of its own in {@code directory}. */
    static RecordedReads of(ClusterSettings settings, Path directory) throws IOException {
        Map<String, Integer> perMessage = new HashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        long[] records = {0};
        VerifyReport mailbox;
        VerifyReport unified;
        try (ClusterPipeline reader = ClusterPipeline.start(withoutCores(settings), directory, Clock.systemUTC())) {
            AuditLogSearch log = reader.mailboxLog();
            log.export(found -> {
                count(found, perMessage, ids);
                records[0]++;
                return true;
            });
            mailbox = log.verify();
            unified = reader.unifiedLog().verify();
        }
        List<String> repeated = new ArrayList<>();
        ids.forEach((id, n) -> {
            if (n > 1) {
                repeated.add(id + " (" + n + " times)");
            }
        });
        return new RecordedReads(Map.copyOf(perMessage), List.copyOf(repeated), records[0], mailbox, unified);
    }

    /** How many MailItemsAccessed records name {@code messageId} (without angle brackets). */
    int recordsOf(String messageId) {
        return recordsPerMessage.getOrDefault(messageId, 0);
    }

    private static void count(FoundRecord found, Map<String, Integer> perMessage, Map<String, Integer> ids) {
        ids.merge(found.id(), 1, Integer::sum);
        if (!"MailItemsAccessed".equals(found.operation())) {
            return;
        }
        Matcher m = MESSAGE_ID.matcher(found.auditData());
        while (m.find()) {
            perMessage.merge(m.group(1), 1, Integer::sum);
        }
    }

    private static ClusterSettings withoutCores(ClusterSettings settings) {
        return new ClusterSettings(
                settings.bootstrapServers(),
                settings.topic(),
                settings.partitions(),
                settings.replicationFactor(),
                settings.minInsyncReplicas(),
                settings.search(),
                settings.indexPrefix(),
                settings.group(),
                0,
                settings.tickInterval(),
                settings.intentTimeout());
    }
}
