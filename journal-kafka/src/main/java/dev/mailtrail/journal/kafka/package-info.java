/**
 * The event journal on an Apache Kafka topic, for many proxies feeding one audit trail: {@link
 * dev.mailtrail.journal.kafka.KafkaEventJournal} appends the journal's own event bytes keyed by mailbox (one
 * mailbox's events stay ordered in one partition) and completes only when every in-sync replica has them; {@link
 * dev.mailtrail.journal.kafka.KafkaEventSource} hands them to an audit core from the offsets it committed. Depends on
 * kafka-clients alone.
 */
package dev.mailtrail.journal.kafka;
