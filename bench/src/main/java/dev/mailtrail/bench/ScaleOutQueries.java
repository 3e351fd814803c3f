package dev.mailtrail.bench;

import dev.mailtrail.bench.scale.Feed;
import dev.mailtrail.bench.scale.LiveQueries;
import dev.mailtrail.bench.scale.Searches;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The three searches of {@link ScaleOutBench} against the OpenSearch indexes of a clustered run that is still
 * ingesting: {@code ./mt bench ScaleOutQueries URL PREFIX EVENTS [START]}, EVENTS the events whose records are
 * indexed already (their InternetMessageIds and time span are searched), START the run's first event time (by
 * default as ScaleOutBench picks it: three days ago, to the hour).
 */
public final class ScaleOutQueries {
    private ScaleOutQueries() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ScaleOutQueries URL PREFIX EVENTS [START]");
        }
        Instant start = args.length > 3
                ? Instant.parse(args[3])
                : Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        Feed feed = new Feed(AccessMix.stream(AccessMix.Traffic.BURSTY, 2026, start), Long.parseLong(args[2]), start);
        System.out.println(LiveQueries.run(
                URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/"),
                args[1],
                feed,
                new Searches(AccessMix.MAILBOXES, 200, 100, 50)));
    }
}
