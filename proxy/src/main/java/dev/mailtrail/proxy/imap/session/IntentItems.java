package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.proxy.imap.codec.SequenceSet;
import dev.mailtrail.proxy.session.FolderAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The messages a command's set names, as an intent names them (docs/decisions/0011): by UID, through the session's
 * map for sequence numbers, by sequence number where the map does not know one, and as the set itself where it
 * cannot be counted ({@code $}, {@code n:*} before the folder's highest UID is known, more than {@link #MAX_ITEMS}
 * messages), flagged {@code MailTrailIntentUnmapped}. Each item carries the id the access decided from the answer
 * will carry, and the identity the cache already holds, so a FETCH's reads and a STORE's, EXPUNGE's or MOVE's delete
 * complete it.
 *
 * @param items the messages, in the set's order
 * @param parameters {@code MailTrailIntentUnmapped} when the set is named by itself; else none
 */
record IntentItems(List<ItemRef> items, List<NameValue> parameters) {

    /** Messages an intent names one by one at most; a larger set is named by itself. */
    static final int MAX_ITEMS = 10_000;

    IntentItems {
        items = List.copyOf(items);
        parameters = List.copyOf(parameters);
    }

    /** The messages of the selected folder that {@code set} names ({@code byUid}: a UID set). */
    static IntentItems of(SequenceSet set, boolean byUid, ImapSessionState session) {
        SelectedFolder selected = session.selected;
        List<ItemRef> items = new ArrayList<>();
        boolean counted = byUid ? byUid(set, selected, session, items) : bySequence(set, selected, session, items);
        if (counted) {
            return new IntentItems(items, List.of());
        }
        String text = text(set);
        String folderId = selected.access().folder().id();
        return new IntentItems(
                List.of(new ItemRef(null, folderId + (byUid ? ";uids=" : ";seqs=") + text, null, null)),
                List.of(new NameValue("MailTrailIntentUnmapped", (byUid ? "UID " : "") + text)));
    }

    /**
     * The messages of the selected folder with these UIDs, named by the cache; more than {@link #MAX_ITEMS} are named
     * by their UIDs as one set.
     */
    static IntentItems ofUids(List<Long> uids, ImapSessionState session) {
        if (uids.size() <= MAX_ITEMS) {
            return new IntentItems(session.items(session.selected.access(), uids), List.of());
        }
        String text = ranges(uids);
        return new IntentItems(
                List.of(new ItemRef(null, session.selected.access().folder().id() + ";uids=" + text, null, null)),
                List.of(new NameValue("MailTrailIntentUnmapped", "UID " + text)));
    }

    /** {@code uids} as an IMAP set of ranges ({@code 1:3,7}), in ascending order. */
    static String ranges(List<Long> uids) {
        List<Long> sorted = uids.stream().sorted().distinct().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            out.append(out.isEmpty() ? "" : ",").append(sorted.get(i));
            if (j > i) {
                out.append(':').append(sorted.get(j));
            }
            i = j + 1;
        }
        return out.toString();
    }

    private static boolean byUid(
            SequenceSet set, SelectedFolder selected, ImapSessionState session, List<ItemRef> items) {
        if (set.savedResult()) {
            return false;
        }
        FolderAccess folder = selected.access();
        long highest = selected.sequences().highestUid();
        for (SequenceSet.Range r : set.ranges()) {
            if (r.high() == SequenceSet.STAR
                    && (highest == 0 || selected.sequences().size() == 0)) {
                return false; // the folder's highest UID is not known: "n:*" cannot be counted
            }
            long high = r.high() == SequenceSet.STAR ? highest : r.high();
            long low = r.low() == SequenceSet.STAR ? highest : r.low();
            for (long uid = low; uid <= high; uid++) {
                if (items.size() >= MAX_ITEMS) {
                    return false;
                }
                items.add(session.item(folder, uid, null, null));
            }
        }
        return true;
    }

    private static boolean bySequence(
            SequenceSet set, SelectedFolder selected, ImapSessionState session, List<ItemRef> items) {
        if (set.savedResult()) {
            return false;
        }
        FolderAccess folder = selected.access();
        SequenceMap map = selected.sequences();
        if (map.size() == 0) {
            return false;
        }
        for (SequenceSet.Range r : set.ranges()) {
            long high = Math.min(r.high() == SequenceSet.STAR ? map.size() : r.high(), map.size());
            long low = r.low() == SequenceSet.STAR ? map.size() : r.low();
            for (long s = low; s <= high; s++) {
                if (items.size() >= MAX_ITEMS) {
                    return false;
                }
                long uid = map.uidAt(s);
                items.add(
                        uid != 0
                                ? session.item(folder, uid, null, null)
                                : new ItemRef(null, folder.folder().id() + ";seq=" + s, null, null));
            }
        }
        return true;
    }

    /** The set as the client wrote it (ranges normalised), {@code $} for a saved result. */
    static String text(SequenceSet set) {
        if (set.savedResult()) {
            return "$";
        }
        return set.ranges().stream()
                .map(r -> r.low() == r.high() ? n(r.low()) : n(r.low()) + ":" + n(r.high()))
                .collect(Collectors.joining(","));
    }

    private static String n(long n) {
        return n == SequenceSet.STAR ? "*" : Long.toString(n);
    }
}
