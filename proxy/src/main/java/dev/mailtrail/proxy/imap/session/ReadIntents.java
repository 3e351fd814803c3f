package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.proxy.imap.codec.FetchItems;
import dev.mailtrail.proxy.imap.codec.SequenceSet;
import dev.mailtrail.proxy.session.FolderAccess;
import dev.mailtrail.proxy.session.IntentSink;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The intents of one session's content FETCHes (docs/decisions/0011): the folder, its UIDVALIDITY (in the folder's
 * id), the messages the set names — by UID, through the session's map for sequence numbers, by sequence number
 * where the map does not know one, and as the set itself where it cannot be counted ({@code *} beyond what is
 * known, {@code $}) — named by the identities the cache already holds, and the items asked. The items' ids are
 * those the accesses decided from the answer will carry, so the core can tell which the answer named.
 */
final class ReadIntents {

    /** Messages an intent names one by one at most; a larger set is named by itself. */
    static final int MAX_ITEMS = 10_000;

    private final IntentSink sink;
    private final String sessionId;
    private long counter;

    ReadIntents(IntentSink sink, String sessionId) {
        this.sink = sink;
        this.sessionId = sessionId;
    }

    /** Journals the intent of a content FETCH in the selected folder; its id. */
    String fetch(FetchItems fetch, boolean byUid, ImapSessionState session) {
        SelectedFolder selected = session.selected;
        FolderAccess folder = selected.access();
        List<ItemRef> items = new ArrayList<>();
        List<NameValue> parameters = new ArrayList<>();
        parameters.add(new NameValue("MailTrailIntentItems", asked(fetch)));
        boolean counted = byUid
                ? byUid(fetch.sequenceSet(), selected, session, items)
                : bySequence(fetch.sequenceSet(), selected, session, items);
        if (!counted) {
            String set = text(fetch.sequenceSet());
            items.add(new ItemRef(null, folder.folder().id() + (byUid ? ";uids=" : ";seqs=") + set, null, null));
            parameters.add(new NameValue("MailTrailIntentUnmapped", (byUid ? "UID " : "") + set));
        }
        String id = sessionId + "/" + (++counter);
        MailboxAccess read = folder.event(
                session.now(),
                dev.mailtrail.core.action.MailboxAction.MAIL_ITEMS_ACCESSED,
                MailAccessType.BIND,
                null,
                items,
                parameters);
        sink.intent(new AccessIntent(id, read));
        return id;
    }

    /** The server answered the command of intent {@code id} ({@code OK}, {@code NO}, {@code BAD}, or LOST). */
    void outcome(String id, String answer, ImapSessionState session) {
        String actor = session.identity == null ? "" : session.identity.actor();
        sink.outcome(new IntentOutcome(session.now(), actor, session.session(), id, answer));
    }

    private static boolean byUid(
            SequenceSet set, SelectedFolder selected, ImapSessionState session, List<ItemRef> items) {
        if (set.savedResult()) {
            return false;
        }
        FolderAccess folder = selected.access();
        long highest = selected.sequences().highestUid();
        for (SequenceSet.Range r : set.ranges()) {
            long high = r.high() == SequenceSet.STAR ? highest : r.high();
            if (r.high() == SequenceSet.STAR
                    && (highest == 0 || selected.sequences().size() == 0)) {
                return false; // the folder's highest UID is not known: "n:*" cannot be counted
            }
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

    private static String asked(FetchItems fetch) {
        return fetch.items().stream()
                .map(i -> i.kind() + (i.section() == null ? "" : "[" + i.section() + "]") + (i.peek() ? " PEEK" : ""))
                .collect(Collectors.joining(" "));
    }

    private static String text(SequenceSet set) {
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
