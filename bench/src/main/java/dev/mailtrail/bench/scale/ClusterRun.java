package dev.mailtrail.bench.scale;

import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.format.event.BinaryEventCodec;
import dev.mailtrail.journal.kafka.JournalEvent;
import dev.mailtrail.journal.kafka.JournalTopic;
import dev.mailtrail.journal.kafka.KafkaEventJournal;
import dev.mailtrail.journal.kafka.KafkaJournalSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The clustered pipeline on the same feed: a producer appends each event to the journal topic on Kafka
 * ({@code acks=all}, idempotent, keyed by mailbox), groups with several in flight as the embedded run submits them;
 * meanwhile {@code cores} audit core consumers apply the partitions' events and store the records in OpenSearch.
 * Ingest counts until Kafka acknowledged every event; end to end until every core committed every record.
 */
public final class ClusterRun {
    /** Where the broker and the search node are, and how the clustered pipeline is laid out on them. */
    public record Layout(
            String bootstrapServers, Path kafkaData, URI search, int partitions, int cores, Supplier<String> nodeCpu) {}

    private ClusterRun() {}

    public static Measured run(Layout layout, String name, Feed feed, int group, int inFlight, Searches searches)
            throws Exception {
        KafkaJournalSettings settings = KafkaJournalSettings.singleBroker(
                        layout.bootstrapServers(), name, layout.partitions())
                .withDeliveryTimeout(Duration.ofMinutes(2));
        JournalTopic.ensure(settings);
        AtomicLong applied = new AtomicLong();
        AtomicLong journaled = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean producerDone = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(layout.cores());
        List<Future<Long>> cores = new ArrayList<>();
        String nodeCpuBefore = layout.nodeCpu().get();
        long started = System.nanoTime();
        for (int core = 0; core < layout.cores(); core++) {
            Set<Integer> partitions = new HashSet<>();
            for (int p = core; p < layout.partitions(); p += layout.cores()) {
                partitions.add(p);
            }
            cores.add(pool.submit(new AuditCoreWorker(
                    core, settings, partitions, layout.search(), name, applied, journaled, producerDone::get)));
        }
        long acked;
        try (KafkaEventJournal journal = KafkaEventJournal.open(settings)) {
            Deque<CompletableFuture<?>> pending = new ArrayDeque<>();
            BinaryEventCodec.Output out = new BinaryEventCodec.Output();
            while (feed.hasNext()) {
                List<AuditEvent> events = feed.group(group);
                List<JournalEvent> entries = new ArrayList<>(events.size());
                for (AuditEvent event : events) {
                    out.reset();
                    out.writeByte('B'); // the journal's entry kind for an event in binary form
                    BinaryEventCodec.write(event, out);
                    entries.add(new JournalEvent(key(event), out.toByteArray()));
                }
                pending.add(journal.appendAll(entries));
                while (pending.size() > inFlight) {
                    pending.removeFirst().get();
                    failFast(cores);
                }
            }
            while (!pending.isEmpty()) {
                pending.removeFirst().get();
            }
            acked = System.nanoTime();
            journaled.set(feed.count());
            producerDone.set(true);
        }
        long records = 0;
        for (Future<Long> core : cores) {
            records += core.get();
        }
        long stored = System.nanoTime();
        pool.shutdown();
        String nodeCpuAfter = layout.nodeCpu().get();
        ClusterSearch view = new ClusterSearch(layout.search(), name);
        long storedRecords = view.storedRecords();
        long bytes = view.storeBytes();
        long kafkaBytes = Disk.size(
                layout.kafkaData(),
                path -> path.getParent().getFileName().toString().startsWith(name + "-")
                        && path.getFileName().toString().endsWith(".log"));
        LogSearches timed = LogSearches.time(searches, feed, view);
        String shards = view.shards();
        long compactStart = System.nanoTime();
        long compacted = view.compactedBytes();
        String detail = String.format(
                Locale.ROOT,
                "%d partitions, %d cores; node CPU %s -> %s; %s%n%11s merged to one segment per shard in %.0f s:"
                        + " %,d bytes, %.0f B/record",
                layout.partitions(),
                layout.cores(),
                nodeCpuBefore,
                nodeCpuAfter,
                shards,
                "",
                (System.nanoTime() - compactStart) / 1e9,
                compacted,
                (double) compacted / storedRecords);
        return new Measured(
                "clustered",
                feed.count(),
                (acked - started) / 1e9,
                (stored - started) / 1e9,
                records,
                storedRecords,
                bytes,
                kafkaBytes,
                timed.page(),
                timed.day(),
                timed.lookup(),
                detail);
    }

    /** A core that stopped on an error stops the run, rather than leaving the producer to fill Kafka for nothing. */
    private static void failFast(List<Future<Long>> cores) throws Exception {
        for (Future<Long> core : cores) {
            if (core.isDone()) {
                core.get();
                throw new IllegalStateException("an audit core stopped before the end of the input");
            }
        }
    }

    /** The Kafka key: the mailbox the event belongs to, so that one mailbox's events stay in one partition. */
    static String key(AuditEvent event) {
        return switch (event) {
            case MailboxAccess access -> access.mailbox();
            case CmdletInvocation cmdlet -> cmdlet.actor();
            case AccessIntent intent -> intent.access().mailbox();
            // the bench's mix has none; a proxy keys an outcome by the mailbox of its intent
            case IntentOutcome outcome -> outcome.actor();
        };
    }
}
