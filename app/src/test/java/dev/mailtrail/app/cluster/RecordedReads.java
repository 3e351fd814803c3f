package dev.mailtrail.app.cluster;

import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.VerifyReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cluster's mailbox audit log records of reads, read back from OpenSearch: for each Message-ID, how many
 * MailItemsAccessed records name it; every record Id seen more than once; and both logs' hash chains verified.
 */
record RecordedReads(
        Map<String, Integer> recordsPerMessage,
        List<String> repeatedIds,
        long records,
        VerifyReport mailboxChains,
        VerifyReport unifiedChains) {

    private static final Pattern MESSAGE_ID = Pattern.compile("\"InternetMessageId\"\\s*:\\s*\"<([^>\"]+)>\"");
    private static final Duration AWAIT = Duration.ofSeconds(90);
    private static final Duration SETTLE = Duration.ofSeconds(2);

    /**
     * Joins the cluster of {@code settings} with one audit core of its own (in {@code directory}), journals a flush on
     * every partition as a whole cluster stopping does ({@link ClusterFlush}: every window still open closes, every
     * intent still open is resolved), and reads what the cluster recorded once every message of {@code received} is
     * named by a record (or {@link #AWAIT} passed), and a moment later, so that one record too many shows.
     */
    static RecordedReads awaitAll(ClusterSettings settings, Path directory, Collection<String> received)
            throws IOException, InterruptedException {
        try (ClusterPipeline finisher = ClusterPipeline.start(oneCore(settings), directory, Clock.systemUTC())) {
            ClusterFlush.run(settings, Clock.systemUTC(), AWAIT);
            long deadline = System.nanoTime() + AWAIT.toNanos();
            RecordedReads recorded = read(finisher);
            while (!recorded.namesAll(received) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                recorded = read(finisher);
            }
            Thread.sleep(SETTLE.toMillis());
            return read(finisher);
        }
    }

    private boolean namesAll(Collection<String> messageIds) {
        return messageIds.stream().allMatch(id -> recordsOf(id) > 0);
    }

    /** How many MailItemsAccessed records name {@code messageId} (without angle brackets). */
    int recordsOf(String messageId) {
        return recordsPerMessage.getOrDefault(messageId, 0);
    }

    private static RecordedReads read(ClusterPipeline cluster) throws IOException {
        Map<String, Integer> perMessage = new HashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        long[] records = {0};
        cluster.mailboxLog().export(found -> {
            count(found, perMessage, ids);
            records[0]++;
            return true;
        });
        List<String> repeated = new ArrayList<>();
        ids.forEach((id, n) -> {
            if (n > 1) {
                repeated.add(id + " (" + n + " times)");
            }
        });
        return new RecordedReads(
                Map.copyOf(perMessage),
                List.copyOf(repeated),
                records[0],
                cluster.mailboxLog().verify(),
                cluster.unifiedLog().verify());
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

    private static ClusterSettings oneCore(ClusterSettings settings) {
        return new ClusterSettings(
                settings.bootstrapServers(),
                settings.topic(),
                settings.partitions(),
                settings.replicationFactor(),
                settings.minInsyncReplicas(),
                settings.search(),
                settings.indexPrefix(),
                settings.group(),
                1,
                settings.tickInterval(),
                settings.intentTimeout());
    }
}
