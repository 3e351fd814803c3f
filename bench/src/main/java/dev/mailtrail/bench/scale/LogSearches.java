package dev.mailtrail.bench.scale;

import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.RecordQuery;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** The three searches of {@link Searches}, timed through the logs' own search interface (Lucene or OpenSearch). */
record LogSearches(Latency page, Latency day, Latency lookup) {

    static LogSearches time(Searches searches, Feed feed, AuditLogSearch mailboxLog, AuditLogSearch unifiedLog)
            throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        Instant end = feed.last().plusSeconds(1);
        Latency page = Latency.of(
                searches.pages(),
                () -> mailboxLog.search(
                        RecordQuery.between(end.minus(Duration.ofDays(90)), end)
                                .withMailboxes(Set.of(searches.mailbox(random))),
                        searches.pageSize(),
                        found -> true));
        Latency day = Latency.of(searches.days(), () -> {
            Instant from = searches.dayStart(random, feed);
            unifiedLog.countByOperation(RecordQuery.between(from, from.plus(Duration.ofDays(1))));
        });
        List<String> ids = feed.messageIds();
        int[] next = {0};
        Latency lookup = Latency.of(
                ids.size(),
                () -> unifiedLog.search(
                        RecordQuery.between(Instant.EPOCH, end).withFreeText(List.of(ids.get(next[0]++ % ids.size()))),
                        Long.MAX_VALUE,
                        found -> true));
        return new LogSearches(page, day, lookup);
    }

    /** The same searches through the bench's own OpenSearch queries over a run's indexes. */
    static LogSearches time(Searches searches, Feed feed, ClusterSearch view) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        Instant end = feed.last().plusSeconds(1);
        Latency page = Latency.of(
                searches.pages(),
                () -> view.mailboxPage(
                        searches.mailbox(random), end.minus(Duration.ofDays(90)), end, searches.pageSize()));
        Latency day = Latency.of(searches.days(), () -> {
            Instant from = searches.dayStart(random, feed);
            view.countByOperation(from, from.plus(Duration.ofDays(1)));
        });
        List<String> ids = feed.messageIds();
        int[] next = {0};
        Latency lookup = Latency.of(ids.size(), () -> view.messageId(ids.get(next[0]++ % ids.size()), end));
        return new LogSearches(page, day, lookup);
    }

    /**
     * Submits the feed to {@code backend} in groups of {@code group} events, {@code inFlight} groups at most waiting,
     * and returns once every event is durable.
     */
    static void submitAll(dev.mailtrail.app.pipeline.AuditBackend backend, Feed feed, int group, int inFlight)
            throws Exception {
        java.util.Deque<java.util.concurrent.CompletableFuture<Long>> pending = new java.util.ArrayDeque<>();
        while (feed.hasNext()) {
            pending.add(backend.submitAll(feed.group(group)));
            while (pending.size() > inFlight) {
                pending.removeFirst().get();
            }
        }
        while (!pending.isEmpty()) {
            pending.removeFirst().get();
        }
    }
}
