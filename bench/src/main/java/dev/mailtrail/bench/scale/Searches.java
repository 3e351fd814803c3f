package dev.mailtrail.bench.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The three searches responders run, the same for every store: a mailbox's first page over 90 days
 * ({@code pages} random mailboxes), the organisation's count by Operation for one day ({@code days} random days),
 * and a FreeText InternetMessageId lookup (each id the feed sampled).
 */
public record Searches(int mailboxes, int pages, int pageSize, int days) {
    public String mailbox(SplittableRandom random) {
        return "user%04d@contoso.com".formatted(random.nextInt(mailboxes));
    }

    /** The start of a day that lies within the feed's traffic. */
    public Instant dayStart(SplittableRandom random, Feed feed) {
        long span = Math.max(
                1,
                Duration.between(feed.start(), feed.last()).toMillis()
                        - Duration.ofDays(1).toMillis());
        return feed.start().plusMillis(random.nextLong(span));
    }
}
