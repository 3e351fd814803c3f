/**
 * MailTrail spread over Apache Kafka and a search cluster (decision 0033): proxies append their events to the
 * journal's topic, audit cores in one consumer group apply each partition's events and store the records in
 * OpenSearch with the offsets they reach.
 */
package dev.mailtrail.app.cluster;
