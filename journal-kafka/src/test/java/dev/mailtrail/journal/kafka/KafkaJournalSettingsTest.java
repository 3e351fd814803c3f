package dev.mailtrail.journal.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaJournalSettingsTest {
    @Test
    void theProducerWaitsForEveryInSyncReplicaWritesOnceAndWaitsNoLongerThanTheDeliveryTimeout() {
        Properties producer = KafkaEventJournal.producerProperties(
                KafkaJournalSettings.singleBroker("127.0.0.1:9092", "t", 3).withDeliveryTimeout(Duration.ofSeconds(5)));

        assertThat(producer.get(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
        assertThat(producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo(true);
        assertThat(producer.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(5_000);
        assertThat(producer.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo(5_000L);
        // Kafka refuses a producer whose delivery timeout is shorter than linger plus request timeout
        assertThat((int) producer.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)
                        + (int) producer.get(ProducerConfig.LINGER_MS_CONFIG))
                .isLessThanOrEqualTo(5_000);
    }

    @Test
    void aSilentCoreLosesItsPartitionsAfterTenSecondsAndKafkaTakesTheHeartbeatThatGoesWithIt() {
        Properties consumer =
                KafkaEventSource.consumerProperties(KafkaJournalSettings.singleBroker("127.0.0.1:9092", "t", 3), "g");

        assertThat(consumer.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo(10_000);
        assertThat(consumer.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)).isEqualTo(3_333);
        // Kafka refuses a consumer whose heartbeat is not shorter than its session timeout: it connects to nothing yet
        new KafkaConsumer<String, byte[]>(consumer).close();
    }

    @Test
    void moreInSyncReplicasThanReplicasIsRefusedBeforeAnyWriteCouldFail() {
        assertThatThrownBy(() -> new KafkaJournalSettings(
                        "127.0.0.1:9092", "t", 3, (short) 1, 2, KafkaJournalSettings.DEFAULT_DELIVERY_TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min.insync.replicas 2 is more than the replication factor 1");
    }

    @Test
    void anEventWithoutItsMailboxIsRefused() {
        assertThatThrownBy(() -> new JournalEvent(" ", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the mailbox");
    }
}
