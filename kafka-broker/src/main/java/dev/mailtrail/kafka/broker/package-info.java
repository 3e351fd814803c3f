/**
 * A real Apache Kafka broker (KRaft, one combined broker and controller) as a process of its own, or a cluster of
 * such nodes sharing one controller quorum, started from Maven Central's jars on free loopback ports: for
 * integration tests and, later, the cluster demo. JDK only.
 */
package dev.mailtrail.kafka.broker;
