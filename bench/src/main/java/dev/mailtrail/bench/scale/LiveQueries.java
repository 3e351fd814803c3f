package dev.mailtrail.bench.scale;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The three searches against a clustered run's indexes as they are — while its cores may still be writing — for
 * a size the run has reached but not finished: what a responder gets from a cluster under ingest.
 */
public final class LiveQueries {
    private LiveQueries() {}

    /** Runs the searches over the records of {@code feed}'s events (the part of the run already indexed). */
    public static String run(URI search, String prefix, Feed feed, Searches searches) throws IOException {
        while (feed.hasNext()) {
            feed.next();
        }
        ClusterSearch view = new ClusterSearch(search, prefix);
        long before = view.storedRecords();
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
        long after = view.storedRecords();
        return String.format(
                Locale.ROOT,
                "stored records %,d -> %,d during the searches; page %s, day %s, msgid %s (p50/p99 ms); %s",
                before,
                after,
                page,
                day,
                lookup,
                view.shards());
    }
}
