package dev.mailtrail.investigate.scope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scope as one list in time order: reads (one entry per Bind record, with its messages), syncs, actions, and
 * the start and end of each blind window.
 */
final class Timeline {
    private static final int SUBJECTS_SHOWN = 3;
    private static final String MAIL_ITEMS_ACCESSED = "MailItemsAccessed";

    private Timeline() {}

    static List<TimelineEntry> of(
            List<MessageRead> reads, List<FolderSync> syncs, List<AttackerAction> actions, List<BlindWindow> windows) {
        List<Ranked> entries = new ArrayList<>();
        Map<String, List<MessageRead>> byRecord = new LinkedHashMap<>();
        for (MessageRead read : reads) {
            String key = read.access().recordId() + "|" + read.time() + "|"
                    + read.access().sessionKey();
            byRecord.computeIfAbsent(key, k -> new ArrayList<>()).add(read);
        }
        for (List<MessageRead> record : byRecord.values()) {
            MessageRead first = record.getFirst();
            entries.add(new Ranked(
                    MAIL_ITEMS_ACCESSED,
                    new TimelineEntry(
                            first.time(),
                            "read",
                            readWords(record),
                            first.access().sessionKey(),
                            first.access().ip())));
        }
        for (FolderSync sync : syncs) {
            entries.add(new Ranked(
                    MAIL_ITEMS_ACCESSED,
                    new TimelineEntry(
                            sync.time(),
                            "sync",
                            "synced " + sync.folder() + " whole"
                                    + (sync.syncedItems() == null ? "" : " (" + sync.syncedItems() + " items)")
                                    + syncedWords(sync),
                            sync.access().sessionKey(),
                            sync.access().ip())));
        }
        for (AttackerAction action : actions) {
            entries.add(new Ranked(
                    action.operation(),
                    new TimelineEntry(
                            action.time(),
                            action.kind().words(),
                            action.summary(),
                            action.access().sessionKey(),
                            action.access().ip())));
        }
        for (BlindWindow window : windows) {
            entries.add(new Ranked(
                    null,
                    new TimelineEntry(
                            window.from(),
                            "blind",
                            "blind from here: " + window.reason().words() + " — " + window.detail(),
                            null,
                            null)));
            if (window.to() != null) {
                entries.add(new Ranked(
                        null,
                        new TimelineEntry(
                                window.to(),
                                "blind",
                                "blind until here: " + window.reason().words(),
                                null,
                                null)));
            }
        }
        // Fractional seconds order where the records have them; within the same instant, the operation chain.
        entries.sort(Comparator.comparing((Ranked ranked) -> ranked.entry().time())
                .thenComparingInt(ranked -> OperationChain.rank(ranked.operation())));
        return entries.stream().map(Ranked::entry).toList();
    }

    /** An entry with the operation it comes from, which orders entries of the same instant. */
    private record Ranked(String operation, TimelineEntry entry) {}

    /** The first items a MailTrail Sync record lists, as a read names its messages. */
    private static String syncedWords(FolderSync sync) {
        List<String> items = sync.items().stream()
                .limit(SUBJECTS_SHOWN)
                .map(item -> item.subject() != null ? RuleWords.subject(item.subject()) : item.internetMessageId())
                .filter(java.util.Objects::nonNull)
                .toList();
        if (items.isEmpty()) {
            return "";
        }
        return ": " + String.join(", ", items) + (sync.items().size() > items.size() ? " …" : "");
    }

    private static String readWords(List<MessageRead> reads) {
        Set<String> folders = new LinkedHashSet<>();
        List<String> subjects = new ArrayList<>();
        for (MessageRead read : reads) {
            if (read.folder() != null) {
                folders.add(read.folder());
            }
            if (read.message().subject() != null && subjects.size() < SUBJECTS_SHOWN) {
                subjects.add(RuleWords.subject(read.message().subject()));
            }
        }
        StringBuilder text =
                new StringBuilder("read ").append(reads.size()).append(reads.size() == 1 ? " message" : " messages");
        if (!folders.isEmpty()) {
            text.append(" in ").append(String.join(", ", folders));
        }
        if (!subjects.isEmpty()) {
            text.append(": ").append(String.join(", ", subjects));
            if (reads.size() > subjects.size()) {
                text.append(" …");
            }
        }
        return text.toString();
    }
}
