package dev.mailtrail.bench.scale;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataWriter;
import dev.mailtrail.format.event.BinaryEventCodec;
import dev.mailtrail.format.event.EventFormatException;
import dev.mailtrail.journal.kafka.KafkaEventSource;
import dev.mailtrail.journal.kafka.KafkaJournalSettings;
import dev.mailtrail.journal.kafka.SourcedEvent;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.Checkpoint;
import dev.mailtrail.store.opensearch.OpenSearchAuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One audit core consumer: reads its partitions of the journal topic, applies each partition's events to that
 * partition's core, sends the records to its writers' indexes in OpenSearch (a bulk request per few thousand
 * records, durable when answered) and commits — chain heads and checkpoint in OpenSearch, then the offsets reached in
 * Kafka — every second when idle and every 10 s or 20,000 records while behind, as the embedded core does. Ends
 * once the producer is done and every event it journaled has been applied somewhere.
 */
final class AuditCoreWorker implements Callable<Long> {
    private static final int BULK = 5_000;
    private static final int COMMIT_RECORDS = 20_000;
    private static final Duration COMMIT_IDLE = Duration.ofSeconds(1);
    private static final Duration COMMIT_BEHIND = Duration.ofSeconds(10);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final int number;
    private final KafkaJournalSettings journal;
    private final Set<Integer> partitions;
    private final URI search;
    private final String indexPrefix;
    private final AtomicLong applied;
    private final AtomicLong journaled;
    private final BooleanSupplier producerDone;
    private final AuditDataWriter auditData = new AuditDataWriter();
    private final List<dev.mailtrail.store.log.StoredRecord> toMailboxLog = new ArrayList<>();
    private final List<dev.mailtrail.store.log.StoredRecord> toUnifiedLog = new ArrayList<>();
    private final Map<Integer, PartitionState> states = new HashMap<>();
    private long uncommitted;
    private long made;

    /**
     * @param applied events applied by every core together
     * @param journaled events the producer had acknowledged, final once {@code producerDone}
     */
    AuditCoreWorker(
            int number,
            KafkaJournalSettings journal,
            Set<Integer> partitions,
            URI search,
            String indexPrefix,
            AtomicLong applied,
            AtomicLong journaled,
            BooleanSupplier producerDone) {
        this.number = number;
        this.journal = journal;
        this.partitions = partitions;
        this.search = search;
        this.indexPrefix = indexPrefix;
        this.applied = applied;
        this.journaled = journaled;
        this.producerDone = producerDone;
    }

    static String mailboxIndex(String prefix, int core) {
        return prefix + "-mailbox-c" + core;
    }

    static String unifiedIndex(String prefix, int core) {
        return prefix + "-unified-c" + core;
    }

    /** Returns the records this core made. */
    @Override
    public Long call() throws IOException {
        for (int partition : partitions) {
            states.put(partition, new PartitionState(indexPrefix, partition, this::take));
        }
        try (KafkaEventSource source = KafkaEventSource.open(journal, indexPrefix + "-cores");
                OpenSearchAuditLog mailboxLog =
                        OpenSearchAuditLog.open(search, mailboxIndex(indexPrefix, number), ChainScheme.PER_MAILBOX);
                OpenSearchAuditLog unifiedLog =
                        OpenSearchAuditLog.open(search, unifiedIndex(indexPrefix, number), ChainScheme.ORGANIZATION)) {
            source.assign(partitions);
            Instant lastCommit = Instant.now();
            Instant lastTick = lastCommit;
            while (true) {
                int polled = source.poll(Duration.ofMillis(100), this::apply);
                applied.addAndGet(polled);
                Instant now = Instant.now();
                if (!now.isBefore(lastTick.plus(TICK))) {
                    states.values().forEach(state -> state.tick(now));
                    lastTick = now;
                }
                if (toMailboxLog.size() >= BULK || toUnifiedLog.size() >= BULK) {
                    append(mailboxLog, unifiedLog);
                }
                Duration interval = polled > 0 ? COMMIT_BEHIND : COMMIT_IDLE;
                if (uncommitted >= COMMIT_RECORDS || uncommitted > 0 && !now.isBefore(lastCommit.plus(interval))) {
                    commit(source, mailboxLog, unifiedLog);
                    lastCommit = now;
                }
                if (polled == 0 && producerDone.getAsBoolean() && applied.get() >= journaled.get()) {
                    break;
                }
            }
            states.values().forEach(PartitionState::flush);
            commit(source, mailboxLog, unifiedLog);
        }
        return made;
    }

    private void apply(SourcedEvent sourced) {
        byte[] payload = sourced.payload();
        try {
            // the journal's entry form: a kind byte, then the event in BinaryEventCodec's form
            states.get(sourced.partition())
                    .apply(BinaryEventCodec.read(payload, 1, payload.length - 1), sourced.offset());
        } catch (EventFormatException e) {
            throw new UncheckedIOException(new IOException("partition " + sourced.partition() + " offset "
                    + sourced.offset() + " cannot be read: " + e.getMessage()));
        }
    }

    private void take(AuditRecord record, OrganizationConfig organization) {
        made++;
        dev.mailtrail.store.log.StoredRecord stored =
                new dev.mailtrail.store.log.StoredRecord(record, auditData.toJson(record));
        if (record.mailboxOwnerUpn() != null) {
            toMailboxLog.add(stored);
            uncommitted++;
        }
        if (MailboxAction.parse(record.operation())
                .map(organization::flowsToUnifiedLog)
                .orElse(true)) {
            toUnifiedLog.add(stored);
            uncommitted++;
        }
    }

    private void append(OpenSearchAuditLog mailboxLog, OpenSearchAuditLog unifiedLog) throws IOException {
        if (!toMailboxLog.isEmpty()) {
            mailboxLog.appendStored(toMailboxLog);
            toMailboxLog.clear();
        }
        if (!toUnifiedLog.isEmpty()) {
            unifiedLog.appendStored(toUnifiedLog);
            toUnifiedLog.clear();
        }
    }

    private void commit(KafkaEventSource source, OpenSearchAuditLog mailboxLog, OpenSearchAuditLog unifiedLog)
            throws IOException {
        append(mailboxLog, unifiedLog);
        Checkpoint reached = new Checkpoint(0, made);
        mailboxLog.commit(reached);
        unifiedLog.commit(reached);
        Map<Integer, Long> offsets = new HashMap<>();
        states.forEach((partition, state) -> {
            if (state.nextOffset() > 0) {
                offsets.put(partition, state.nextOffset());
            }
        });
        if (!offsets.isEmpty()) {
            source.commit(offsets);
        }
        uncommitted = 0;
    }
}
