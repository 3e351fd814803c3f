package dev.mailtrail.app.pipeline;

/**
 * Told what the pipeline does as it does it, for metrics. Called on the pipeline's own threads (the journal's
 * writer, the core thread): an observer must return at once and never throw.
 */
public interface PipelineObserver {
    PipelineObserver NONE = new PipelineObserver() {};

    /** {@code events} access or admin events became durable in the journal (ticks and flushes are not counted). */
    default void journaled(int events) {}

    /**
     * A record was handed to a store.
     *
     * @param log the store's name: {@code mailbox-audit-log} or {@code unified-audit-log}
     * @param recordType the record's RecordType number
     */
    default void stored(String log, int recordType) {}
}
