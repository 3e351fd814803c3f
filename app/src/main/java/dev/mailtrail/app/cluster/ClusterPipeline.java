package dev.mailtrail.app.cluster;

import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.app.pipeline.RetentionReport;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.generate.Acceptance;
import dev.mailtrail.core.generate.AuditStatistics;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.journal.kafka.JournalPosition;
import dev.mailtrail.journal.kafka.JournalTopic;
import dev.mailtrail.journal.kafka.KafkaEventJournal;
import dev.mailtrail.journal.kafka.KafkaJournalSettings;
import dev.mailtrail.store.log.AuditLogSearch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The clustered backend (decision 0033): events appended to the journal's Kafka topic, {@link
 * ClusterSettings#cores()} audit core consumers in the cores' group, records in OpenSearch.
 *
 * <p>Sensors' events are durable once Kafka acknowledged them ({@code acks=all}); without Kafka they fail, and a
 * strict sensor fails closed. {@link #apply} and {@link #inspect} need an audit core in this process: they are
 * answered by the lowest partition this process's cores own (every partition takes up every cmdlet, so each knows
 * the whole configuration).
 */
public final class ClusterPipeline implements AuditBackend {
    private final ClusterSettings settings;
    private final Path directory;
    private final ClusterJournal journal;
    private final ClusterStores stores;
    private final List<CoreConsumer> consumers = new ArrayList<>();
    private final AppliedWaiters waiters;
    private final List<AutoCloseable> closeFirst = new CopyOnWriteArrayList<>();
    private volatile Consumer<Throwable> failureHandler;
    /** The first error an audit core of this process stopped on, if any. */
    private volatile Throwable failure;

    private volatile boolean closed;

    private ClusterPipeline(
            ClusterSettings settings, Path directory, Clock clock, Duration deliveryTimeout, ClusterStores stores) {
        this.settings = settings;
        this.directory = directory;
        this.stores = stores;
        KafkaJournalSettings kafka = new KafkaJournalSettings(
                String.join(",", settings.bootstrapServers()),
                settings.topic(),
                settings.partitions(),
                settings.replicationFactor(),
                settings.minInsyncReplicas(),
                deliveryTimeout);
        int partitions = JournalTopic.ensure(kafka);
        String installation = JournalTopic.clusterId(kafka) + "/" + settings.topic();
        this.journal = new ClusterJournal(KafkaEventJournal.open(kafka), partitions);
        this.waiters = new AppliedWaiters(this::lowestOwned);
        for (int number = 0; number < settings.cores(); number++) {
            consumers.add(new CoreConsumer(
                    number, settings, kafka, installation, stores, journal, waiters, clock, this::coreFailed));
        }
        consumers.forEach(CoreConsumer::start);
    }

    /**
     * Connects to the brokers and the search cluster of {@code settings} (creating the topic and the indexes if
     * missing) and starts this process's audit core consumers.
     *
     * @param directory this process's own directory (accounts, tokens, the cmdlet socket), not its records
     */
    public static ClusterPipeline start(ClusterSettings settings, Path directory, Clock clock) throws IOException {
        return start(settings, directory, clock, KafkaJournalSettings.DEFAULT_DELIVERY_TIMEOUT);
    }

    /**
     * As {@link #start(ClusterSettings, Path, Clock)}; an event Kafka has not acknowledged within {@code
     * deliveryTimeout} fails (a strict sensor then fails closed).
     */
    public static ClusterPipeline start(ClusterSettings settings, Path directory, Clock clock, Duration deliveryTimeout)
            throws IOException {
        return new ClusterPipeline(
                settings,
                directory,
                clock,
                deliveryTimeout,
                new OpenSearchStores(settings.search(), settings.indexPrefix()));
    }

    public ClusterSettings settings() {
        return settings;
    }

    @Override
    public Path directory() {
        return directory;
    }

    /** Journals an event; completes with its offset in its partition once Kafka acknowledged it. */
    @Override
    public CompletableFuture<Long> submit(AuditEvent event) {
        return submitAll(List.of(event));
    }

    /** Journals events in order; completes with the last one's offset once Kafka acknowledged all. */
    @Override
    public CompletableFuture<Long> submitAll(List<? extends AuditEvent> events) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the clustered pipeline is closed"));
        }
        return journal.append(events)
                .thenApply(positions ->
                        positions.isEmpty() ? -1L : positions.getLast().offset());
    }

    /**
     * Journals an event and completes once an audit core of this process applied it (a cmdlet: the core of the
     * lowest partition this process owns), with what it decided.
     */
    @Override
    public CompletableFuture<Acceptance> apply(AuditEvent event) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the clustered pipeline is closed"));
        }
        if (consumers.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "this process runs no audit core (cores = 0): nothing here can say what the core decided"));
        }
        CompletableFuture<Acceptance> done = new CompletableFuture<>();
        waiters.announce();
        CompletableFuture<List<JournalPosition>> journaled = journal.append(List.of(event));
        journaled.whenComplete((positions, error) -> {
            if (error != null) {
                waiters.abandon();
                done.completeExceptionally(
                        error instanceof java.util.concurrent.CompletionException c ? c.getCause() : error);
            } else {
                waiters.expect(positions, event instanceof CmdletInvocation, done);
            }
        });
        return done;
    }

    /**
     * Runs {@code question} on the core of the lowest partition this process's cores own (every partition's core has
     * taken up every cmdlet: they share the configuration). Fails when this process owns no partition.
     */
    @Override
    public <T> CompletableFuture<T> inspect(Function<RecordGenerator, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        int lowest = lowestOwned();
        CoreConsumer owner = consumers.stream()
                .filter(c -> c.owned().contains(lowest))
                .findFirst()
                .orElse(null);
        if (owner == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(noPartition()));
        }
        owner.submit(consumer -> {
            PartitionCore core = consumer.core(lowest);
            if (core == null && !consumer.owned().isEmpty()) {
                core = consumer.core(consumer.owned().first());
            }
            if (core == null) {
                answer.completeExceptionally(new IllegalStateException(noPartition()));
                return;
            }
            try {
                answer.complete(question.apply(core.generator()));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /** The counts of the partitions this process's cores own, added up. */
    @Override
    public AuditStatistics statistics() throws IOException {
        List<CompletableFuture<List<AuditStatistics>>> each = new ArrayList<>();
        for (CoreConsumer consumer : consumers) {
            CompletableFuture<List<AuditStatistics>> counts = new CompletableFuture<>();
            consumer.submit(c -> {
                List<AuditStatistics> all = new ArrayList<>();
                c.cores().forEach(core -> all.add(core.generator().statistics()));
                counts.complete(all);
            });
            each.add(counts);
        }
        List<AuditStatistics> all = new ArrayList<>();
        for (CompletableFuture<List<AuditStatistics>> counts : each) {
            all.addAll(await(counts));
        }
        return StatisticsSum.of(all);
    }

    /**
     * One retention pass over the cluster's logs now, run by the core of this process that owns partition 0 (it runs
     * on its own every retention interval); fails when this process does not own partition 0.
     */
    public RetentionReport runRetention() throws IOException {
        CoreConsumer owner = consumers.stream()
                .filter(c -> c.owned().contains(0))
                .findFirst()
                .orElseThrow(() -> new IOException("retention runs where partition 0 is applied: " + noPartition()));
        CompletableFuture<RetentionReport> report = new CompletableFuture<>();
        owner.submit(consumer -> {
            try {
                RetentionReport done = consumer.retention();
                if (done == null) {
                    report.completeExceptionally(new IllegalStateException("partition 0 moved to another core"));
                } else {
                    report.complete(done);
                }
            } catch (IOException | RuntimeException e) {
                report.completeExceptionally(e);
            }
        });
        return await(report);
    }

    @Override
    public AuditLogSearch mailboxLog() {
        return stores.mailboxLog();
    }

    @Override
    public AuditLogSearch unifiedLog() {
        return stores.unifiedLog();
    }

    @Override
    public void closeWith(AutoCloseable resource) {
        closeFirst.add(resource);
    }

    @Override
    public void onFailure(Consumer<Throwable> handler) {
        failureHandler = handler;
        Throwable stopped = failure;
        if (stopped != null && !closed) {
            handler.accept(stopped); // a core that stopped before the handler was set is not kept quiet
        }
    }

    /** The audit core consumers this process runs (for tests of crashes and rebalances). */
    List<CoreConsumer> consumers() {
        return consumers;
    }

    /**
     * Stops taking events, commits and snapshots what this process's cores applied and leaves the group: windows stay
     * open, for whoever takes the partitions next (a window closes on the journal's clock, never on a process's
     * stop). Idempotent.
     */
    @Override
    public void close() throws IOException {
        for (AutoCloseable resource : closeFirst) {
            try {
                resource.close();
            } catch (Exception e) {
                // a listener that fails to close must not keep the cores from committing
            }
        }
        closeFirst.clear();
        if (closed) {
            return;
        }
        closed = true;
        try {
            journal.close();
        } finally {
            try {
                consumers.forEach(CoreConsumer::close);
            } finally {
                stores.close();
            }
        }
    }

    private int lowestOwned() {
        int lowest = -1;
        for (CoreConsumer consumer : consumers) {
            java.util.NavigableSet<Integer> owned = consumer.owned();
            if (!owned.isEmpty() && (lowest < 0 || owned.first() < lowest)) {
                lowest = owned.first();
            }
        }
        return lowest;
    }

    private String noPartition() {
        return consumers.isEmpty()
                ? "this process runs no audit core (cores = 0): its configuration questions go to a process that does"
                : "this process's audit cores own no partition of " + settings.topic() + " now (the group "
                        + settings.group() + " gave them to others, or is still rebalancing)";
    }

    private void coreFailed(Throwable failure) {
        waiters.failAll(new IllegalStateException("an audit core stopped: " + failure.getMessage(), failure));
        if (this.failure == null) {
            this.failure = failure;
        }
        Consumer<Throwable> handler = failureHandler;
        if (handler != null && !closed) {
            handler.accept(failure);
        } else if (!closed) {
            System.err.println("mt: an audit core stopped: " + failure.getMessage());
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }
}
