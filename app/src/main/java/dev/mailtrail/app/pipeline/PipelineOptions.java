package dev.mailtrail.app.pipeline;

import java.time.Duration;
import java.util.Optional;

/**
 * How a pipeline runs.
 *
 * @param commitInterval how long records may wait before the stores commit them (and other processes see them)
 * @param backlogCommitInterval the same while the audit core works through a backlog (bulk ingest outrunning
 *     indexing), when committing every {@code commitInterval} would slow the catching up and not make late records
 *     timely
 * @param commitRecords how many records may wait before the stores commit them
 * @param unifiedRetention how long the unified audit log keeps a record (Exchange: 180 days for newer records)
 * @param retentionInterval how often retention runs while the pipeline is open (and once when it opens)
 * @param queueCapacity events journaled but not yet applied before submitters wait (back-pressure)
 * @param anchoring where each commit's signed digest goes, if anywhere
 * @param snapshots when the core's state is snapshotted and how much journal is kept
 */
public record PipelineOptions(
        Duration commitInterval,
        Duration backlogCommitInterval,
        int commitRecords,
        Duration unifiedRetention,
        Duration retentionInterval,
        int queueCapacity,
        Optional<Anchoring> anchoring,
        SnapshotPolicy snapshots) {

    /** No anchoring, snapshots as {@link SnapshotPolicy#defaults()}. */
    public PipelineOptions(
            Duration commitInterval,
            Duration backlogCommitInterval,
            int commitRecords,
            Duration unifiedRetention,
            Duration retentionInterval,
            int queueCapacity) {
        this(
                commitInterval,
                backlogCommitInterval,
                commitRecords,
                unifiedRetention,
                retentionInterval,
                queueCapacity,
                Optional.empty(),
                SnapshotPolicy.defaults());
    }

    public static PipelineOptions defaults() {
        return new PipelineOptions(
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                20_000,
                Duration.ofDays(180),
                Duration.ofHours(24),
                100_000);
    }

    public PipelineOptions withUnifiedRetention(Duration retention) {
        return new PipelineOptions(
                commitInterval,
                backlogCommitInterval,
                commitRecords,
                retention,
                retentionInterval,
                queueCapacity,
                anchoring,
                snapshots);
    }

    public PipelineOptions withAnchoring(Optional<Anchoring> anchors) {
        return new PipelineOptions(
                commitInterval,
                backlogCommitInterval,
                commitRecords,
                unifiedRetention,
                retentionInterval,
                queueCapacity,
                anchors,
                snapshots);
    }

    public PipelineOptions withSnapshots(SnapshotPolicy policy) {
        return new PipelineOptions(
                commitInterval,
                backlogCommitInterval,
                commitRecords,
                unifiedRetention,
                retentionInterval,
                queueCapacity,
                anchoring,
                policy);
    }
}
