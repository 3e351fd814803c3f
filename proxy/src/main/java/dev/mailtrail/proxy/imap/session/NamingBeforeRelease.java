package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.imap.codec.FetchAccess;
import dev.mailtrail.proxy.imap.codec.FetchAccessClassifier;
import dev.mailtrail.proxy.imap.codec.FetchItem;
import dev.mailtrail.proxy.imap.codec.FetchItems;
import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapSyntaxException;
import dev.mailtrail.proxy.imap.codec.SequenceSet;
import dev.mailtrail.proxy.session.MessageLookup;
import dev.mailtrail.proxy.session.MessageSelection;
import java.util.List;
import java.util.Locale;

/**
 * Which messages a command must have named before the server gets it. A message about to disappear (EXPUNGE, UID
 * EXPUNGE, CLOSE, MOVE) cannot be looked up afterwards; COPY and a STORE of {@code \Deleted} are named then too, and
 * a read whose response will not carry the message's header ({@code BODY.PEEK[TEXT]}, {@code BINARY.PEEK[1]},
 * SNIPPET) so that its Bind names the message it went out for.
 */
final class NamingBeforeRelease {

    private static final int MAX_SEQUENCES = 1000;

    private NamingBeforeRelease() {}

    static MessageLookup of(ImapRequest.Command command, ImapSessionState session) {
        SelectedFolder selected = session.selected;
        List<dev.mailtrail.proxy.imap.codec.ImapToken> args = command.arguments();
        String set = args.isEmpty() ? null : Tokens.text(args.getFirst());
        boolean byUid = command.name().startsWith("UID ");
        MessageSelection selection =
                switch (command.name()) {
                    case "EXPUNGE" -> new MessageSelection.Deleted();
                    case "CLOSE" -> selected.readOnly() ? null : new MessageSelection.Deleted();
                    case "UID EXPUNGE", "MOVE", "UID MOVE", "COPY", "UID COPY" -> messages(set, byUid, selected);
                    case "STORE", "UID STORE" -> marksDeleted(args) ? messages(set, byUid, selected) : null;
                    case "FETCH", "UID FETCH" -> readsUnnamed(args) ? messages(set, byUid, selected) : null;
                    default -> null;
                };
        return selection == null ? null : new MessageLookup(selected.access(), selection);
    }

    private static boolean marksDeleted(List<dev.mailtrail.proxy.imap.codec.ImapToken> args) {
        if (args.size() < 2) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        for (var t : args.subList(1, args.size())) {
            text.append(t).append(' ');
        }
        String upper = text.toString().toUpperCase(Locale.ROOT);
        return upper.contains("\\DELETED") && !upper.contains("-FLAGS");
    }

    /** A read of content whose response names no message: no item returns the message's own Message-ID. */
    private static boolean readsUnnamed(List<dev.mailtrail.proxy.imap.codec.ImapToken> args) {
        FetchItems fetch;
        try {
            fetch = FetchItems.parse(args);
        } catch (ImapSyntaxException e) {
            return false;
        }
        if (FetchAccessClassifier.classify(fetch) != FetchAccess.CONTENT) {
            return false;
        }
        return fetch.items().stream().noneMatch(NamingBeforeRelease::carriesMessageId);
    }

    private static boolean carriesMessageId(FetchItem item) {
        boolean fromStart = item.partial() == null || item.partial().offset() == 0;
        return switch (item.kind()) {
            case RFC822, RFC822_HEADER -> true;
            case BODY_SECTION ->
                item.sectionPart().isEmpty()
                        && fromStart
                        && switch (item.sectionText()) {
                            case "", "HEADER" -> true;
                            case "HEADER.FIELDS" -> item.headerFields().contains("MESSAGE-ID");
                            case "HEADER.FIELDS.NOT" -> !item.headerFields().contains("MESSAGE-ID");
                            default -> false;
                        };
            default -> false;
        };
    }

    /** The set as UIDs where the session knows them, else as sequence numbers for the lookup's own view. */
    private static MessageSelection messages(String text, boolean byUid, SelectedFolder selected) {
        if (text == null) {
            return null;
        }
        SequenceSet set;
        try {
            set = SequenceSet.parse(text);
        } catch (ImapSyntaxException e) {
            return null;
        }
        if (set.savedResult()) {
            return null;
        }
        List<Long> uids = selected.uids(set, byUid);
        if (byUid || uids.size() == count(set)) {
            return uids.isEmpty() ? null : new MessageSelection.Uids(uids);
        }
        boolean bounded = set.ranges().stream().noneMatch(r -> r.high() == SequenceSet.STAR);
        return bounded && count(set) <= MAX_SEQUENCES ? new MessageSelection.Sequences(text) : null;
    }

    private static long count(SequenceSet set) {
        long n = 0;
        for (SequenceSet.Range r : set.ranges()) {
            n += r.high() == SequenceSet.STAR ? Long.MAX_VALUE / 4 : r.high() - r.low() + 1;
        }
        return n;
    }
}
