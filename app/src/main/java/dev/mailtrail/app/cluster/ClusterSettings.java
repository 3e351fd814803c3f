package dev.mailtrail.app.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where a clustered MailTrail keeps its journal and records (decision 0033): the Kafka brokers and topic, the search
 * cluster and the prefix of its indexes, and how this process takes part (how many audit core consumers it runs).
 *
 * @param bootstrapServers Kafka's bootstrap servers, {@code host:port} each
 * @param topic the journal's topic
 * @param partitions the topic's partitions when MailTrail creates it
 * @param replicationFactor the topic's replication factor when MailTrail creates it
 * @param minInsyncReplicas the topic's {@code min.insync.replicas} when MailTrail creates it
 * @param search the search cluster's HTTP address (OpenSearch)
 * @param indexPrefix the prefix of every index MailTrail makes there
 * @param group the audit cores' consumer group
 * @param cores how many audit core consumers this process runs (0: a proxy only)
 * @param tickInterval how often a core journals the clock passing on each partition it owns
 * @param intentTimeout how long an intent may stay open before a core resolves it as lost (its proxy is gone)
 */
public record ClusterSettings(
        List<String> bootstrapServers,
        String topic,
        int partitions,
        short replicationFactor,
        int minInsyncReplicas,
        URI search,
        String indexPrefix,
        String group,
        int cores,
        Duration tickInterval,
        Duration intentTimeout) {

    public ClusterSettings {
        bootstrapServers = List.copyOf(bootstrapServers);
    }

    /** One broker, one search node, defaults for the rest: what {@code mt demo --cluster} and tests start. */
    public static ClusterSettings of(String bootstrapServers, URI search) {
        return new ClusterSettings(
                List.of(bootstrapServers.split(",")),
                "mailtrail-journal",
                12,
                (short) 1,
                1,
                search,
                "mailtrail",
                "mailtrail-cores",
                1,
                Duration.ofSeconds(1),
                Duration.ofMinutes(2));
    }
}
