package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.imap.codec.SequenceSet;
import dev.mailtrail.proxy.session.FolderAccess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The folder a SELECT or EXAMINE opened: its audit identity, read-only flag, sequence-to-UID map and the UIDs known
 * to carry {@code \Deleted} (what CLOSE silently expunges).
 */
final class SelectedFolder {

    private static final int MAX_SET_EXPANSION = 100_000;

    private final String name;
    private final FolderAccess access;
    private final boolean readOnly;
    private final SequenceMap sequences;
    private final Set<Long> deleted = new HashSet<>();
    /** UIDs a STORE {@code \Deleted} sent to the server and not yet answered is marking. */
    private final Set<Long> marking = new HashSet<>();

    SelectedFolder(String name, FolderAccess access, boolean readOnly, SequenceMap sequences) {
        this.name = name;
        this.access = access;
        this.readOnly = readOnly;
        this.sequences = sequences;
    }

    String name() {
        return name;
    }

    FolderAccess access() {
        return access;
    }

    boolean readOnly() {
        return readOnly;
    }

    SequenceMap sequences() {
        return sequences;
    }

    void flags(long uid, List<String> flags) {
        if (uid == 0 || flags == null) {
            return;
        }
        if (flags.stream().anyMatch(f -> f.equalsIgnoreCase("\\Deleted"))) {
            deleted.add(uid);
        } else {
            deleted.remove(uid);
        }
    }

    void markDeleted(List<Long> uids, boolean on) {
        if (on) {
            deleted.addAll(uids);
        } else {
            uids.forEach(deleted::remove);
        }
    }

    /** A STORE {@code \Deleted} of {@code uids} went to the server ({@code on}), or was answered. */
    void marking(List<Long> uids, boolean on) {
        if (on) {
            marking.addAll(uids);
        } else {
            uids.forEach(marking::remove);
        }
    }

    /**
     * The UIDs an EXPUNGE or CLOSE sent now would remove, as far as the session knows: those known to be {@code
     * \Deleted} and those a STORE before it is marking, in sequence order, then any the map does not place. Nothing
     * is forgotten.
     */
    List<Long> toBeExpunged() {
        Set<Long> known = new java.util.TreeSet<>(deleted);
        known.addAll(marking);
        List<Long> out = new ArrayList<>();
        for (int s = 1; s <= sequences.size(); s++) {
            long uid = sequences.uidAt(s);
            if (known.remove(uid)) {
                out.add(uid);
            }
        }
        out.addAll(known);
        return out;
    }

    /** The UIDs known to be \Deleted, in sequence order; they are gone after an expunge. */
    List<Long> takeDeleted() {
        List<Long> out = new ArrayList<>();
        for (int s = 1; s <= sequences.size(); s++) {
            long uid = sequences.uidAt(s);
            if (deleted.contains(uid)) {
                out.add(uid);
            }
        }
        deleted.clear();
        return out;
    }

    /**
     * The UIDs a command's message set names, as far as they are known: from the map, or for a UID set the map
     * does not know (no FETCH seen yet) the set itself when it has no {@code *}.
     */
    List<Long> uids(SequenceSet set, boolean byUid) {
        List<Long> out = new ArrayList<>();
        long highest = sequences.highestUid();
        for (int s = 1; s <= sequences.size(); s++) {
            long uid = sequences.uidAt(s);
            if (uid != 0 && set.contains(byUid ? uid : s, byUid ? highest : sequences.size())) {
                out.add(uid);
            }
        }
        if (byUid && out.isEmpty()) {
            out.addAll(expand(set));
        }
        return out;
    }

    /** The numbers of a set without {@code *}, at most {@link #MAX_SET_EXPANSION}. */
    static List<Long> expand(SequenceSet set) {
        List<Long> out = new ArrayList<>();
        for (SequenceSet.Range r : set.ranges()) {
            if (r.high() == SequenceSet.STAR) {
                continue;
            }
            for (long u = r.low(); u <= r.high() && out.size() < MAX_SET_EXPANSION; u++) {
                out.add(u);
            }
        }
        return out;
    }
}
