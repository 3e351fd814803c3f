package dev.mailtrail.storebench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The search inputs, drawn once from the seed so every engine answers the same questions; a separate warm-up set
 * of the same kind runs first, so the measured searches do not read answers the warm-up has just cached.
 *
 * @param mailboxes Q1: busy mailboxes (activity rank under 50) and a uniform draw of all others
 * @param days Q2: day numbers from the start of the data
 * @param messageIds Q3: InternetMessageIds taken from generated records
 */
record Workload(List<String> mailboxes, List<Integer> days, List<String> messageIds) {
    static final int BUSY_RANKS = 50;

    static Workload draw(AuditRecordGenerator generator, Random random, int mailboxCount, int dayCount, int idCount) {
        Set<Integer> ranks = new LinkedHashSet<>();
        while (ranks.size() < mailboxCount / 5) {
            ranks.add(random.nextInt(BUSY_RANKS));
        }
        while (ranks.size() < mailboxCount) {
            ranks.add(BUSY_RANKS + random.nextInt(AuditRecordGenerator.MAILBOXES - BUSY_RANKS));
        }
        List<String> mailboxes = new ArrayList<>();
        ranks.forEach(rank -> mailboxes.add(AuditRecordGenerator.mailbox(rank)));
        Set<Integer> days = new LinkedHashSet<>();
        while (days.size() < dayCount) {
            days.add(random.nextInt(AuditRecordGenerator.DAYS));
        }
        Set<String> messageIds = new LinkedHashSet<>();
        while (messageIds.size() < idCount) {
            List<String> ids =
                    generator.record(random.nextLong(generator.count())).messageIds();
            if (!ids.isEmpty()) {
                messageIds.add(ids.get(random.nextInt(ids.size())));
            }
        }
        return new Workload(List.copyOf(mailboxes), List.copyOf(days), List.copyOf(messageIds));
    }

    /** Every {@code nth} input of each kind, or (with {@code rest}) all the others. */
    Workload every(int nth, boolean rest) {
        return new Workload(every(mailboxes, nth, rest), every(days, nth, rest), every(messageIds, nth, rest));
    }

    private static <T> List<T> every(List<T> inputs, int nth, boolean rest) {
        List<T> chosen = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if ((i % nth == 0) != rest) {
                chosen.add(inputs.get(i));
            }
        }
        return List.copyOf(chosen);
    }
}
