package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.generate.PendingIntents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of the items open intents leave unnamed, asked of an {@link IntentNamer} before their resolution is
 * journaled; why the rest stay recorded by UID is logged once. An item the intent already names (a delete's intent
 * carries what the session knew of the message) is not asked for: a message the delete or move took away can no
 * longer be looked up, and the name the intent carries is kept.
 */
final class IntentNaming {
    private static final System.Logger LOG = System.getLogger(IntentNaming.class.getName());

    private IntentNaming() {}

    /** The names {@code namer} finds for the unnamed items of {@code pending}, in the intents' order. */
    static List<ItemRef> names(IntentNamer namer, List<PendingIntents.Pending> pending) {
        Map<String, IntentNamer.Unnamed> wanted = new LinkedHashMap<>();
        for (PendingIntents.Pending p : pending) {
            AccessIntent intent = p.intent();
            for (ItemRef item : intent.access().items()) {
                if (item.internetMessageId() == null
                        && item.id() != null
                        && p.unnamed().contains(item.id())) {
                    IntentNamer.Unnamed u = parse(intent.access().mailbox(), item.id());
                    if (u != null) {
                        wanted.putIfAbsent(item.id(), u);
                    }
                }
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        if (namer == IntentNamer.NONE) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    wanted.size()
                            + " message(s) of reads, deletes and moves the process stopped in are recorded by UID"
                            + " only: no lookup account is configured to name them");
            return List.of();
        }
        List<ItemRef> names = new ArrayList<>();
        try {
            for (ItemRef name : namer.name(List.copyOf(wanted.values()))) {
                if (name.id() != null
                        && wanted.containsKey(name.id())
                        && (name.internetMessageId() != null || name.subject() != null)) {
                    names.add(name);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "naming the messages of open reads, deletes and moves failed: " + e.getMessage());
        }
        if (names.size() < wanted.size()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    (wanted.size() - names.size()) + " of " + wanted.size() + " message(s) of reads, deletes and"
                            + " moves the process stopped in are recorded by UID only: the server did not name them (no"
                            + " answer, the folder's UIDVALIDITY changed, or the message is gone: deleted or moved)");
        }
        return names;
    }

    /** See {@link IntentNamer.Unnamed#parse}. */
    static IntentNamer.Unnamed parse(String mailbox, String itemId) {
        return IntentNamer.Unnamed.parse(mailbox, itemId);
    }
}
