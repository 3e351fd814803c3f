package dev.mailtrail.proxy.net;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.proxy.session.AccessEventSink;
import dev.mailtrail.proxy.session.AuditEventSink;
import dev.mailtrail.proxy.session.CmdletEventSink;
import dev.mailtrail.proxy.session.IntentSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One connection's bridge from its auditor, which emits events, to the acknowledging {@link AuditEventSink}. It
 * remembers the acknowledgements not yet taken, so the relay can make the next bytes it releases wait for them,
 * and reports each to the server-wide {@link InFlight} so that shutdown can wait for every event to be durable.
 *
 * <p>It also keeps the session's open intents (docs/decisions/0011), by the ids of the items they name: an access
 * that names only items of open intents makes the next bytes wait for those intents' acknowledgements, not its own
 * (the intent, durable, already covers the read; the access completes it), and an outcome makes nothing wait.
 */
final class AckingSink implements AccessEventSink, CmdletEventSink, IntentSink {
    private static final System.Logger LOG = System.getLogger(AckingSink.class.getName());

    private final AuditEventSink sink;
    private final InFlight inFlight;
    private final List<CompletableFuture<?>> untaken = new ArrayList<>();
    private long accepted;
    /** Open intents: id → acknowledgement, and kind and item id → the latest open intent of that kind naming it. */
    private final Map<String, CompletableFuture<?>> intentAcks = new HashMap<>();

    private final Map<String, String> intentOfItem = new HashMap<>();
    private final Map<String, List<String>> itemsOfIntent = new HashMap<>();
    private final List<AuditEvent> deferred = new ArrayList<>();
    /** Accesses are waited for even if an intent covers them ({@link #awaitAccessesOf}). */
    private boolean awaitNext;
    /** The open intent whose answer is being decided ({@link #answering}): it covers the accesses emitted. */
    private String answeringIntent;

    private Runnable onDeferred = () -> {};
    private java.util.function.Consumer<MailboxAccess> loginListener;

    AckingSink(AuditEventSink sink, InFlight inFlight) {
        this.sink = sink;
        this.inFlight = inFlight;
    }

    @Override
    public void accept(MailboxAccess event) {
        accepted++;
        if (event.operation() == MailboxAction.MAILBOX_LOGIN) {
            logLogin(event);
            if (loginListener != null) {
                loginListener.accept(event);
            }
        }
        List<CompletableFuture<?>> covering =
                awaitNext ? null : answeringIntent != null ? answered(answeringIntent) : covering(event);
        if (covering == null) {
            submit(event);
        } else {
            defer(event);
            untaken.addAll(covering);
        }
    }

    @Override
    public void accept(CmdletInvocation change) {
        accepted++;
        submit(change);
    }

    @Override
    public void intent(AccessIntent intent) {
        CompletableFuture<?> ack = tracked(intent);
        intentAcks.put(intent.id(), ack);
        List<String> keys = new ArrayList<>();
        for (ItemRef item : intent.access().items()) {
            String key = key(intent.kind(), item.id());
            keys.add(key);
            intentOfItem.put(key, intent.id());
        }
        itemsOfIntent.put(intent.id(), keys);
    }

    @Override
    public void outcome(IntentOutcome outcome) {
        defer(outcome);
        intentAcks.remove(outcome.intent());
        List<String> ids = itemsOfIntent.remove(outcome.intent());
        if (ids != null) {
            ids.forEach(id -> intentOfItem.remove(id, outcome.intent()));
        }
    }

    /**
     * Runs {@code decide} making the next bytes wait for the accesses it emits themselves, not for an intent covering
     * them: a response that streams before it is whole is named from its start (decision 0011, "Large responses"),
     * and that name is made durable before the stream begins, so that a crash mid-stream leaves a read named by its
     * message, not by its UID alone.
     */
    void awaitAccessesOf(Runnable decide) {
        awaitNext = true;
        try {
            decide.run();
        } finally {
            awaitNext = false;
        }
    }

    /**
     * Runs {@code decide} with the accesses it emits covered by the open intent {@code intentId}, whose command's
     * answer it decides: an answer that names no item the intent could (SMTP's 250 to a message's end, which names
     * it by the queue id when it has no Message-ID) still waits only for the intent.
     */
    void answering(String intentId, Runnable decide) {
        answeringIntent = intentId;
        try {
            decide.run();
        } finally {
            answeringIntent = null;
        }
    }

    private List<CompletableFuture<?>> answered(String intentId) {
        CompletableFuture<?> ack = intentAcks.get(intentId);
        return ack == null ? null : List.of(ack);
    }

    /** The acknowledgement of the open read intent that names {@code itemId}; null when none does. */
    CompletableFuture<?> intentCovering(String itemId) {
        return intentCovering(AccessIntent.Kind.READ, itemId);
    }

    /**
     * Makes the next bytes released wait for the open intent {@code id} too: server output that shows its command's
     * work before the answer (an IMAP {@code * n EXPUNGE} under a delete's intent).
     */
    void awaitIntent(String id) {
        CompletableFuture<?> ack = intentAcks.get(id);
        if (ack != null) {
            untaken.add(ack);
        }
    }

    private CompletableFuture<?> intentCovering(AccessIntent.Kind kind, String itemId) {
        String intent = itemId == null ? null : intentOfItem.get(key(kind, itemId));
        return intent == null ? null : intentAcks.get(intent);
    }

    /**
     * An intent covers only accesses of its own kind (a read intent's durability says nothing of a delete of the same
     * message: the core resolves it into a read), so items are kept per kind.
     */
    private static String key(AccessIntent.Kind kind, String itemId) {
        return kind.name() + " " + itemId;
    }

    /**
     * The acknowledgements of the open intents of its kind that name every item of a read, delete, move or send; null
     * when one names none.
     */
    private List<CompletableFuture<?>> covering(MailboxAccess event) {
        AccessIntent.Kind kind = AccessIntent.Kind.of(event.operation()).orElse(null);
        if (kind == null || event.items().isEmpty() || intentAcks.isEmpty()) {
            return null;
        }
        List<CompletableFuture<?>> acks = new ArrayList<>(1);
        for (ItemRef item : event.items()) {
            CompletableFuture<?> ack = intentCovering(kind, item.id());
            if (ack == null) {
                return null;
            }
            if (!acks.contains(ack)) {
                acks.add(ack);
            }
        }
        return acks;
    }

    private void submit(AuditEvent event) {
        untaken.add(tracked(event));
    }

    /**
     * Keeps back an event nothing waits for (a read an intent covers, an outcome) until the next event that is
     * waited for, so that both go in one group commit: submitted at once, it would start a sync of its own that
     * the session's next intent had to wait behind — two syncs a read instead of one. {@link #flushDeferred}
     * submits them (the relay calls it after a short delay, and when the session ends); the order is kept.
     */
    private void defer(AuditEvent event) {
        deferred.add(event);
        if (deferred.size() == 1) {
            onDeferred.run();
        }
    }

    boolean hasDeferred() {
        return !deferred.isEmpty();
    }

    /** Submits the events kept back, in order. */
    void flushDeferred() {
        if (deferred.isEmpty()) {
            return;
        }
        List<AuditEvent> out = new ArrayList<>(deferred);
        deferred.clear();
        submitted(out);
    }

    /** Who hears that an event was kept back and none was before (the relay schedules {@link #flushDeferred}). */
    void onDeferred(Runnable listener) {
        this.onDeferred = listener;
    }

    /**
     * Submits the events kept back and then {@code event} as one group (one append, so one group commit: submitted
     * one by one, the journal's writer could take the first alone and sync twice); the group's acknowledgement,
     * reported to {@link InFlight} for each.
     */
    private CompletableFuture<?> tracked(AuditEvent event) {
        if (deferred.isEmpty()) {
            return submitted(List.of(event));
        }
        List<AuditEvent> group = new ArrayList<>(deferred.size() + 1);
        group.addAll(deferred);
        group.add(event);
        deferred.clear();
        return submitted(group);
    }

    private CompletableFuture<?> submitted(List<AuditEvent> group) {
        CompletableFuture<?> ack;
        try {
            ack = (group.size() == 1 ? sink.submit(group.getFirst()) : sink.submitAll(group)).toCompletableFuture();
        } catch (RuntimeException e) {
            ack = CompletableFuture.failedFuture(e);
        }
        for (AuditEvent e : group) {
            inFlight.track(e, ack);
        }
        return ack;
    }

    /** Who hears of this connection's logins (the IMAP relay tells {@code EndUserAddresses}). */
    void onLogin(java.util.function.Consumer<MailboxAccess> listener) {
        this.loginListener = listener;
    }

    /** The events this connection's auditor emitted so far. */
    long accepted() {
        return accepted;
    }

    /** A login in the proxy's log, as a mail server logs one: who, into which mailbox, as what, from where. */
    private static void logLogin(MailboxAccess event) {
        Session session = event.session();
        LOG.log(
                System.Logger.Level.INFO,
                "session {0}: {1} logged in to {2} ({3}) from {4}, {5}",
                session.id(),
                event.actor(),
                event.mailbox(),
                event.logonType() == null ? "-" : event.logonType().cmdletName(),
                session.clientIp(),
                session.clientInfo());
    }

    /** The acknowledgements of the events emitted since the last call, as one gate; null when there were none. */
    CompletableFuture<?> take() {
        if (untaken.isEmpty()) {
            return null;
        }
        List<CompletableFuture<?>> open = new ArrayList<>();
        for (CompletableFuture<?> f : untaken) {
            if (!f.isDone() || f.isCompletedExceptionally()) {
                open.add(f);
            }
        }
        untaken.clear();
        if (open.isEmpty()) {
            return null;
        }
        return open.size() == 1 ? open.getFirst() : CompletableFuture.allOf(open.toArray(CompletableFuture[]::new));
    }
}
