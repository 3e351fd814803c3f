package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.generate.Acceptance;
import dev.mailtrail.core.generate.AuditStatistics;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.store.log.AuditLogSearch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a process that audits runs on: the journal, the audit core and the stores, either embedded in a data
 * directory ({@link AuditPipeline}) or spread over Apache Kafka and a search cluster
 * ({@code dev.mailtrail.app.cluster.ClusterPipeline}, decision 0033). Sensors submit to it, cmdlets configure and
 * question it, the API and the console search it; none of them knows which one it is.
 */
public interface AuditBackend extends AutoCloseable {

    /**
     * The local directory of this process: the journal and stores of an embedded backend; the accounts, tokens,
     * idempotency keys and cmdlet socket of a clustered one (whose records are elsewhere).
     */
    Path directory();

    /** Journals an event; completes with its position once it is durable. */
    CompletableFuture<Long> submit(AuditEvent event);

    /** Journals events in order as one group; completes once all are durable. */
    CompletableFuture<Long> submitAll(List<? extends AuditEvent> events);

    /** Journals an event and completes once the audit core has applied it, with what it decided. */
    CompletableFuture<Acceptance> apply(AuditEvent event);

    /** Runs {@code question} on an audit core after everything submitted before it was applied. */
    <T> CompletableFuture<T> inspect(Function<RecordGenerator, T> question);

    /** The audit core's counts so far. */
    AuditStatistics statistics() throws IOException;

    /** The mailbox audit log, for searching in this process. */
    AuditLogSearch mailboxLog();

    /** The unified audit log, for searching in this process. */
    AuditLogSearch unifiedLog();

    /** Closes {@code resource} (a listener that feeds this backend) first when the backend closes. */
    void closeWith(AutoCloseable resource);

    /** Runs {@code handler} if the backend stops on an error it cannot recover from: nothing more can be recorded. */
    void onFailure(Consumer<Throwable> handler);

    /** Flushes every open window, stores every record and closes. Idempotent. */
    @Override
    void close() throws IOException;
}
