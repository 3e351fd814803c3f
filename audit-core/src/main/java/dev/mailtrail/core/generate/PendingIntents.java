package dev.mailtrail.core.generate;

import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The intents journaled and not yet closed (docs/decisions/0011): an intent makes no record by itself; the accesses
 * decided from the server's answer make the records (one per read, delete or send, as without intents) and name the
 * items they complete; its outcome closes it. What an intent that is never closed leaves — the items no access of its
 * kind named — becomes the intent's own record when it is resolved: its session was lost, or the process stopped
 * before the answer was journaled, and the server may have read, destroyed or sent those items. Over-reporting is
 * preferred to a read or a delete without a record.
 *
 * <p>The state is a list of {@link Pending} values ({@link #state()}, {@link #restore}), so that it can be kept
 * beside the rest of the core's state.
 */
public final class PendingIntents {

    /** Why a resolved intent's record exists, as the record's {@code MailTrailIntent} parameter. */
    static final String PARAMETER = "MailTrailIntent";

    /** An open intent and the ids of its items that no access has named yet, in the intent's order. */
    public record Pending(AccessIntent intent, List<String> unnamed) {
        public Pending {
            unnamed = List.copyOf(unnamed);
        }
    }

    private static final class Open {
        final AccessIntent intent;
        final Set<String> unnamed;

        Open(AccessIntent intent, Set<String> unnamed) {
            this.intent = intent;
            this.unnamed = unnamed;
        }
    }

    private final Map<String, Open> byId = new LinkedHashMap<>();
    private final Map<String, List<Open>> bySession = new HashMap<>();

    void opened(AccessIntent intent) {
        Set<String> unnamed = new LinkedHashSet<>();
        intent.access().items().forEach(item -> unnamed.add(item.id() != null ? item.id() : item.identity()));
        add(new Open(intent, unnamed));
    }

    /**
     * An access in an intent's session names what it read, destroyed or sent: those items are no longer an intent of
     * that kind's to record.
     */
    void completed(MailboxAccess access) {
        Optional<AccessIntent.Kind> kind = AccessIntent.Kind.of(access.operation());
        if (kind.isEmpty() || access.session().id() == null) {
            return;
        }
        List<Open> open = bySession.get(access.session().id());
        if (open == null) {
            return;
        }
        for (ItemRef item : access.items()) {
            for (Open o : open) {
                if (o.intent.kind() == kind.get()
                        && (o.unnamed.remove(item.id()) || o.unnamed.remove(item.identity()))) {
                    break;
                }
            }
        }
    }

    /**
     * Closes the outcome's intent; what a lost session's intent leaves is returned as the intent's record (its items
     * named as the outcome's names say, where they do), any other answer leaves nothing (its accesses were journaled before it, and a NO revealed nothing).
     */
    Optional<MailboxAccess> closed(IntentOutcome outcome) {
        Open open = remove(outcome.intent());
        if (open == null || !outcome.lost()) {
            return Optional.empty();
        }
        Map<String, ItemRef> names = new HashMap<>();
        outcome.names().forEach(name -> names.putIfAbsent(name.id(), name));
        return recordOf(open, "the session ended before the server's answer", names);
    }

    /**
     * Closes every open intent, in the order they were opened; the records their unnamed items make, each item named by
     * the identity {@code names} gives for its id (what the server said of it since), if any.
     */
    List<MailboxAccess> resolveAll(String why, Map<String, ItemRef> names) {
        List<MailboxAccess> reads = new ArrayList<>();
        for (Open open : List.copyOf(byId.values())) {
            remove(open.intent.id());
            recordOf(open, why, names).ifPresent(reads::add);
        }
        return reads;
    }

    /**
     * Closes the intents opened before {@code cutoff} (their session's proxy is gone: no outcome will come), in the
     * order they were opened; the records their unnamed items make.
     */
    List<MailboxAccess> resolveOpenedBefore(java.time.Instant cutoff, String why) {
        List<MailboxAccess> reads = new ArrayList<>();
        for (Open open : List.copyOf(byId.values())) {
            if (open.intent.time().isBefore(cutoff)) {
                remove(open.intent.id());
                recordOf(open, why, Map.of()).ifPresent(reads::add);
            }
        }
        return reads;
    }

    int size() {
        return byId.size();
    }

    /** The open intents, in the order they were opened. */
    List<Pending> state() {
        return byId.values().stream()
                .map(o -> new Pending(o.intent, List.copyOf(o.unnamed)))
                .toList();
    }

    /** Replaces the open intents with {@code state} (as {@link #state()} gave it). */
    void restore(List<Pending> state) {
        byId.clear();
        bySession.clear();
        state.forEach(p -> add(new Open(p.intent(), new LinkedHashSet<>(p.unnamed()))));
    }

    private void add(Open open) {
        Open before = byId.put(open.intent.id(), open);
        if (before != null) {
            sessionList(before.intent).remove(before);
        }
        bySession
                .computeIfAbsent(sessionKey(open.intent), k -> new ArrayList<>())
                .add(open);
    }

    private Open remove(String id) {
        Open open = byId.remove(id);
        if (open != null) {
            List<Open> list = sessionList(open.intent);
            list.remove(open);
            if (list.isEmpty()) {
                bySession.remove(sessionKey(open.intent));
            }
        }
        return open;
    }

    private List<Open> sessionList(AccessIntent intent) {
        return bySession.getOrDefault(sessionKey(intent), new ArrayList<>());
    }

    private static String sessionKey(AccessIntent intent) {
        String id = intent.session().id();
        return id == null ? "" : id;
    }

    private static Optional<MailboxAccess> recordOf(Open open, String why, Map<String, ItemRef> names) {
        if (open.unnamed.isEmpty()) {
            return Optional.empty();
        }
        MailboxAccess template = open.intent.access();
        List<ItemRef> items = template.items().stream()
                .filter(i -> open.unnamed.contains(i.id() != null ? i.id() : i.identity()))
                .map(i -> named(i, i.id() == null ? null : names.get(i.id())))
                .toList();
        List<NameValue> parameters = new ArrayList<>(template.parameters());
        parameters.add(new NameValue(PARAMETER, open.intent.id() + ": " + why));
        return Optional.of(new MailboxAccess(
                template.time(),
                template.actor(),
                template.mailbox(),
                template.logonType(),
                template.operation(),
                template.accessType(),
                template.session(),
                template.folder(),
                template.destFolder(),
                items,
                template.result(),
                parameters));
    }

    /** {@code item} with what {@code name} adds to it: the identities it lacked, its id and extensions kept. */
    private static ItemRef named(ItemRef item, ItemRef name) {
        if (name == null) {
            return item;
        }
        return new ItemRef(
                item.internetMessageId() != null ? item.internetMessageId() : name.internetMessageId(),
                item.id(),
                item.sizeInBytes() != null ? item.sizeInBytes() : name.sizeInBytes(),
                item.subject() != null ? item.subject() : name.subject(),
                item.extensions());
    }
}
