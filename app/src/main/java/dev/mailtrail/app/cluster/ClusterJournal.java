package dev.mailtrail.app.cluster;

import dev.mailtrail.app.pipeline.PipelineEntry;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.journal.kafka.JournalPosition;
import dev.mailtrail.journal.kafka.KafkaEventJournal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The proxy's side of the clustered journal (decision 0033): each event becomes a journal entry in the embedded
 * journal's own encoding, appended to the topic keyed by its mailbox, so that one mailbox's events reach one
 * partition's core in order; an append completes when Kafka acknowledged it with {@code acks=all}, and fails with
 * Kafka's {@code KafkaJournalUnavailableException} when it did not, so that a strict proxy fails closed.
 *
 * <p>What belongs to no one mailbox goes to partitions by number: a cmdlet to every partition (the first records it,
 * the others take up only its configuration), a tick to the partition whose clock it moves. An intent's outcome names
 * no mailbox: it follows its intent, whose mailbox this journal remembers until the outcome comes; one whose intent
 * it does not know (sent by another process) goes to every partition, where only its intent's partition knows it.
 */
final class ClusterJournal implements AutoCloseable {
    /** Open intents remembered at most; the oldest are forgotten first (their outcomes then go to every partition). */
    private static final int INTENTS_REMEMBERED = 100_000;

    private static final String CLUSTER_KEY = "";

    private final KafkaEventJournal journal;
    private final int partitions;
    private final Map<String, String> intentMailboxes = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > INTENTS_REMEMBERED;
        }
    };

    ClusterJournal(KafkaEventJournal journal, int partitions) {
        this.journal = journal;
        this.partitions = partitions;
    }

    int partitions() {
        return partitions;
    }

    /**
     * Appends events in order; completes with each entry's position once all are acknowledged (an event that goes to
     * several partitions has one position per partition, in partition order).
     */
    CompletableFuture<List<JournalPosition>> append(List<? extends AuditEvent> events) {
        List<CompletableFuture<JournalPosition>> each = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            appendOne(event, each);
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(done -> each.stream().map(CompletableFuture::join).toList());
    }

    /** Journals the clock passing on {@code partition}: its core closes windows and times out intents there. */
    CompletableFuture<JournalPosition> tick(int partition, Instant now) {
        return journal.appendTo(partition, CLUSTER_KEY, encode(new PipelineEntry.Tick(now)));
    }

    private void appendOne(AuditEvent event, List<CompletableFuture<JournalPosition>> positions) {
        switch (event) {
            case MailboxAccess access ->
                positions.add(keyed(access.mailbox() != null ? access.mailbox() : access.actor(), event));
            case AccessIntent intent -> {
                synchronized (intentMailboxes) {
                    intentMailboxes.put(
                            intentKey(intent.session().id(), intent.id()),
                            intent.access().mailbox());
                }
                positions.add(keyed(intent.access().mailbox(), event));
            }
            case IntentOutcome outcome -> {
                String mailbox;
                synchronized (intentMailboxes) {
                    mailbox = intentMailboxes.remove(intentKey(outcome.session().id(), outcome.intent()));
                }
                if (mailbox != null) {
                    positions.add(keyed(mailbox, event));
                } else {
                    byte[] payload = encode(new PipelineEntry.Event(event));
                    for (int partition = 0; partition < partitions; partition++) {
                        positions.add(journal.appendTo(partition, CLUSTER_KEY, payload));
                    }
                }
            }
            case CmdletInvocation cmdlet -> {
                positions.add(journal.appendTo(0, CLUSTER_KEY, encode(new PipelineEntry.Event(cmdlet))));
                byte[] configure = encode(new PipelineEntry.Configure(cmdlet));
                for (int partition = 1; partition < partitions; partition++) {
                    positions.add(journal.appendTo(partition, CLUSTER_KEY, configure));
                }
            }
        }
    }

    private CompletableFuture<JournalPosition> keyed(String mailbox, AuditEvent event) {
        return journal.append(
                new dev.mailtrail.journal.kafka.JournalEvent(mailbox, encode(new PipelineEntry.Event(event))));
    }

    private static String intentKey(String session, String intent) {
        return (session == null ? "" : session) + "\u0000" + intent;
    }

    private static byte[] encode(PipelineEntry entry) {
        return PipelineEntry.encodeAll(List.of(entry)).get(0);
    }

    /** Waits for appends in flight (up to the delivery timeout), then closes the producer. */
    @Override
    public void close() {
        journal.close();
    }
}
