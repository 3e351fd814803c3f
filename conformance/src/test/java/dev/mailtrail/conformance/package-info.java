/**
 * The conformance suite's runner: every directory under {@code conformance/scenarios} is replayed through
 * {@code mt replay} in-process and its records compared with the scenario's expected ones; {@code ClusterScenarioTest}
 * runs every scenario through the clustered pipeline (Kafka, audit cores, OpenSearch) against the same expectations.
 */
package dev.mailtrail.conformance;
