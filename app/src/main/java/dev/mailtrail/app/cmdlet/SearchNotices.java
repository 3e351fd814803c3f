package dev.mailtrail.app.cmdlet;

import dev.mailtrail.core.config.AuditLogAgeLimit;
import dev.mailtrail.core.generate.OpenAggregation;
import dev.mailtrail.store.chain.PurgeMark;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a search says on the error stream beside its results, so that an empty answer is not read as "nothing
 * happened": reads still held in an open aggregation window, and records retention purged.
 */
final class SearchNotices {
    private static final Pattern DAYS = Pattern.compile("(\\d+) days");
    private static final String AGE_LIMIT = "AuditLogAgeLimit ";

    private SearchNotices() {}

    /**
     * Names {@code mailbox}'s accesses in the windows of {@code open} (already those the search asked about);
     * true if there were any.
     */
    static boolean openWindows(String mailbox, List<OpenAggregation> open, Clock clock, PrintStream err) {
        List<OpenAggregation> its = open.stream()
                .filter(window -> window.mailbox().equalsIgnoreCase(mailbox))
                .toList();
        if (its.isEmpty()) {
            return false;
        }
        int accesses = its.stream().mapToInt(OpenAggregation::operations).sum();
        Instant until = its.stream()
                .map(OpenAggregation::closesAt)
                .max(Instant::compareTo)
                .orElseThrow();
        boolean one = its.size() == 1;
        err.println(mailbox + " has " + accesses + (accesses == 1 ? " access" : " accesses") + " in "
                + (one ? "an aggregation window" : its.size() + " aggregation windows") + " open until "
                + shown(until)
                + inWords(Duration.between(clock.instant(), until)) + "; " + (one ? "its" : "their")
                + " MailItemsAccessed record" + (one ? " is" : "s are") + " written when "
                + (one ? "it closes" : "they close")
                + ".");
        return true;
    }

    /**
     * One line for the windows of every mailbox (a search of the whole organisation): a busy server has many, and
     * Get-MailTrailAggregationWindow lists them.
     */
    static void openWindows(List<OpenAggregation> open, Clock clock, PrintStream err) {
        List<String> mailboxes =
                open.stream().map(OpenAggregation::mailbox).distinct().toList();
        if (mailboxes.size() == 1) {
            openWindows(mailboxes.getFirst(), open, clock, err);
            return;
        }
        if (mailboxes.isEmpty()) {
            return;
        }
        int accesses = open.stream().mapToInt(OpenAggregation::operations).sum();
        Instant until = open.stream()
                .map(OpenAggregation::closesAt)
                .max(Instant::compareTo)
                .orElseThrow();
        err.println(accesses + " accesses of " + mailboxes.size() + " mailboxes are in " + open.size()
                + " aggregation windows open until " + shown(until)
                + inWords(Duration.between(clock.instant(), until)) + "; their MailItemsAccessed records are written"
                + " when they close (Get-MailTrailAggregationWindow lists them).");
    }

    /** Says that records before the asked {@code start} were purged, if the chain's last purge reaches past it. */
    static boolean purged(Optional<PurgeMark> mark, Instant start, String whose, PrintStream err) {
        if (mark.isEmpty()) {
            return false;
        }
        Optional<Duration> kept = retention(mark.get().policy());
        if (kept.isEmpty()) {
            return false;
        }
        Instant horizon = mark.get().purgedAt().minus(kept.get());
        if (!start.isBefore(horizon)) {
            return false;
        }
        err.println("WARNING: " + whose + "records before " + shown(horizon) + " were purged by the retention of "
                + kept.get().toDays() + " days (" + mark.get().policy() + ", applied "
                + shown(mark.get().purgedAt())
                + ").");
        return true;
    }

    /** How long a purge's policy kept records: "AuditLogAgeLimit 90.00:00:00" or "… retention 180 days". */
    static Optional<Duration> retention(String policy) {
        if (policy.startsWith(AGE_LIMIT)) {
            return AuditLogAgeLimit.parse(policy.substring(AGE_LIMIT.length()));
        }
        Matcher days = DAYS.matcher(policy);
        return days.find() ? Optional.of(Duration.ofDays(Long.parseLong(days.group(1)))) : Optional.empty();
    }

    /** To the second: a person reads the time, not its nanoseconds. */
    private static Instant shown(Instant time) {
        return time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static String inWords(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return " (now)";
        }
        long seconds = left.toSeconds();
        return seconds < 60 ? " (in " + seconds + " s)" : " (in " + seconds / 60 + " min " + seconds % 60 + " s)";
    }
}
