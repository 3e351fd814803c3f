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
}
