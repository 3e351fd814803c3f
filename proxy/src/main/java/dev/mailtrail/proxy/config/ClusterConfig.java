package dev.mailtrail.proxy.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The file's {@code [cluster]} section (decision 0033): the journal on Apache Kafka and the records in OpenSearch
 * instead of the data directory. Absent from the file, {@link ProxyConfig#cluster()} is null and {@code mt serve}
 * runs the embedded pipeline; the application maps this to its own cluster settings.
 *
 * @param bootstrapServers Kafka's bootstrap servers, {@code host:port} each
 * @param topic the journal's topic
 * @param partitions the topic's partitions when MailTrail creates it
 * @param replicationFactor the topic's replication factor when MailTrail creates it
 * @param minInsyncReplicas the topic's {@code min.insync.replicas} when MailTrail creates it
 * @param search OpenSearch's HTTP address
 * @param indexPrefix the prefix of every index MailTrail makes there
 * @param group the audit cores' consumer group
 * @param cores how many audit core consumers this process runs (0: a proxy only)
 * @param tickInterval how often a core journals the clock passing on each partition it owns
 * @param intentTimeout how long an intent may stay open before a core resolves it as lost
 */
public record ClusterConfig(
        List<String> bootstrapServers,
        String topic,
        int partitions,
        int replicationFactor,
        int minInsyncReplicas,
        URI search,
        String indexPrefix,
        String group,
        int cores,
        Duration tickInterval,
        Duration intentTimeout) {

    public static final String TOPIC = "mailtrail-journal";
    public static final int PARTITIONS = 12;
    public static final String INDEX_PREFIX = "mailtrail";
    public static final String GROUP = "mailtrail-cores";
    public static final Duration TICK_INTERVAL = Duration.ofSeconds(1);
    public static final Duration INTENT_TIMEOUT = Duration.ofMinutes(2);

    public ClusterConfig {
        bootstrapServers = List.copyOf(bootstrapServers);
    }
}
