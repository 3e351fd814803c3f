package dev.mailtrail.investigate.scope;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stretches with no record of the mailbox at all while the attacker was active before and after them: activity is
 * likely there and the record shows none (missing export pages, retention, ingestion delay, a purge). Stretches
 * mostly explained by another blind window are not repeated.
 */
final class QuietStretches {
    private QuietStretches() {}

    /**
     * @param mailboxTimes the times of every record of the mailbox, in order
     * @param attackerTimes the times of the attacker's records, in order
     */
    static List<BlindWindow> find(
            List<Instant> mailboxTimes, List<Instant> attackerTimes, ScopeQuery query, List<BlindWindow> explained) {
        List<BlindWindow> quiet = new ArrayList<>();
        if (attackerTimes.size() < 2) {
            return quiet;
        }
        Instant activeFrom = attackerTimes.getFirst();
        Instant activeTo = attackerTimes.getLast();
        for (int i = 1; i < mailboxTimes.size(); i++) {
            Instant before = mailboxTimes.get(i - 1);
            Instant after = mailboxTimes.get(i);
            if (before.isBefore(activeFrom) || after.isAfter(activeTo)) {
                continue;
            }
            Duration gap = Duration.between(before, after);
            if (gap.compareTo(query.quietGap()) > 0
                    && query.overlaps(before, after)
                    && unexplained(before, after, explained).compareTo(query.quietGap()) > 0) {
                quiet.add(new BlindWindow(
                        before,
                        after,
                        BlindWindow.Reason.NO_RECORDS,
                        "no record of the mailbox for " + hours(gap) + " between the attacker's activity before and"
                                + " after"));
            }
        }
        return quiet;
    }

    /** How much of the stretch no other blind window explains (the others' overlaps with it taken away). */
    private static Duration unexplained(Instant from, Instant to, List<BlindWindow> explained) {
        Duration left = Duration.between(from, to);
        Instant counted = from;
        List<BlindWindow> inOrder = explained.stream()
                .sorted(java.util.Comparator.comparing(BlindWindow::from))
                .toList();
        for (BlindWindow window : inOrder) {
            Instant start = window.from().isAfter(counted) ? window.from() : counted;
            Instant end = window.to() == null || window.to().isAfter(to) ? to : window.to();
            if (start.isBefore(end)) {
                left = left.minus(Duration.between(start, end));
                counted = end;
            }
        }
        return left;
    }

    private static String hours(Duration gap) {
        long hours = gap.toHours();
        long minutes = gap.toMinutesPart();
        return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }
}
