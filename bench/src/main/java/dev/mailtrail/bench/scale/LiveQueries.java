package dev.mailtrail.bench.scale;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

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
        LogSearches timed = LogSearches.time(searches, feed, view);
        long after = view.storedRecords();
        return String.format(
                Locale.ROOT,
                "stored records %,d -> %,d during the searches; page %s, day %s, msgid %s (p50/p99 ms); %s",
                before,
                after,
                timed.page(),
                timed.day(),
                timed.lookup(),
                view.shards());
    }
}
