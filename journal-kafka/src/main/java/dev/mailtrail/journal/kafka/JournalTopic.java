package dev.mailtrail.journal.kafka;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the journal topic with its partitions, replication factor and {@code min.insync.replicas} — an operator's
 * step, done before producers start, so that no broker default (auto-created topics with one replica) decides how
 * durable the journal is. A topic that exists is left as it is: its partition count is reported, not changed, since
 * adding partitions moves mailboxes to other partitions and breaks their order.
 */
public final class JournalTopic {
    private JournalTopic() {}

    /** Creates the topic if it is missing; returns how many partitions it has. */
    public static int ensure(KafkaJournalSettings settings) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "mailtrail-journal-admin");
        long timeout = settings.deliveryTimeout().toMillis();
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, 30_000));
        try (Admin admin = Admin.create(properties)) {
            NewTopic topic = new NewTopic(settings.topic(), settings.partitions(), settings.replicationFactor())
                    .configs(Map.of(
                            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                            Integer.toString(settings.minInsyncReplicas()),
                            // a replica that was out of sync never becomes leader: it could lack acknowledged events
                            TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG,
                            "false"));
            try {
                admin.createTopics(List.of(topic)).all().get(timeout, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return partitions(admin, settings.topic(), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout));
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new KafkaJournalUnavailableException(
                    "cannot create the journal topic " + settings.topic() + " on Kafka at "
                            + settings.bootstrapServers() + ": " + cause.getMessage(),
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the journal topic " + settings.topic(), e);
        }
    }

    /**
     * The Kafka cluster's own id (made when its first node was formatted): with the topic, what names a clustered
     * journal for good, whoever reads it.
     */
    public static String clusterId(KafkaJournalSettings settings) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "mailtrail-journal-admin");
        long timeout = settings.deliveryTimeout().toMillis();
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, 30_000));
        try (Admin admin = Admin.create(properties)) {
            return admin.describeCluster().clusterId().get(timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new KafkaJournalUnavailableException(
                    "cannot ask Kafka at " + settings.bootstrapServers() + " for its cluster id: " + cause.getMessage(),
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka for its cluster id", e);
        }
    }

    /**
     * The topic's partition count. A topic just created is known to the controller before the broker that answers
     * has it in its metadata: until then that broker says it has no such topic, so the question is asked again.
     */
    private static int partitions(Admin admin, String topic, long deadline)
            throws ExecutionException, TimeoutException, InterruptedException {
        while (true) {
            try {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                TopicDescription description = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(left, TimeUnit.MILLISECONDS)
                        .get(topic);
                return description.partitions().size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100); // the broker's metadata catching up, not a timing assumption
            }
        }
    }
}
