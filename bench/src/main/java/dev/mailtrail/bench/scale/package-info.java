/**
 * The scale-out bench ({@code ./mt bench ScaleOutBench}): the embedded pipeline and the clustered one (Kafka, audit
 * cores per partition, OpenSearch) on the same events, side by side in one run.
 */
package dev.mailtrail.bench.scale;
