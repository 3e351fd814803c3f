package dev.mailtrail.app.serve;

import dev.mailtrail.app.pipeline.IntentNamer;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.proxy.session.AuditEventSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Between the proxy and the pipeline when the IMAP upstream has a lookup account: an intent whose session ended
 * before the server answered (its outcome LOST) has its messages named through the lookup before the outcome is
 * journaled, so that the record of what may have gone out names them, as a read cut by a crash is named at restart
 * (docs/decisions/0011). The lookup runs on a thread of its own, never on a connection's event loop, within the
 * namer's bound; the session's later events wait behind it, so that its order in the journal stays the order it
 * happened. What is not named stays recorded by UID; nothing is ever held back for good: once closing has waited
 * {@link LookupIntentNamer#BOUND}, what is left goes unnamed.
 */
final class LostIntentNaming implements AuditEventSink, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LostIntentNaming.class.getName());

    private final AuditEventSink next;
    private final IntentNamer namer;
    private final ExecutorService naming = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("mailtrail-intent-naming").daemon().factory());
    /** Intents submitted and not yet closed by an outcome, by id: what a LOST outcome's items were. */
    private final Map<String, AccessIntent> open = new ConcurrentHashMap<>();
    /** Per session id, the last of its submissions that waits for a naming: what its next ones wait behind. */
    private final Map<String, CompletableFuture<?>> behind = new ConcurrentHashMap<>();

    private volatile long namingUntil = Long.MAX_VALUE;

    LostIntentNaming(AuditEventSink next, IntentNamer namer) {
        this.next = next;
        this.namer = namer;
    }

    @Override
    public CompletionStage<?> submit(AuditEvent event) {
        return submitAll(List.of(event));
    }

    @Override
    public CompletionStage<?> submitAll(List<? extends AuditEvent> events) {
        Map<String, AccessIntent> lost = new HashMap<>();
        for (AuditEvent event : events) {
            if (event instanceof AccessIntent intent) {
                open.put(intent.id(), intent);
            } else if (event instanceof IntentOutcome outcome) {
                AccessIntent intent = open.remove(outcome.intent());
                if (outcome.lost() && intent != null && !unnamed(intent).isEmpty()) {
                    lost.put(outcome.intent(), intent);
                }
            }
        }
        Set<String> sessions = new LinkedHashSet<>();
        events.forEach(e -> sessions.add(sessionOf(e)));
        if (lost.isEmpty() && sessions.stream().noneMatch(behind::containsKey)) {
            return next.submitAll(events);
        }
        return queued(events, sessions, lost);
    }

    /**
     * {@code events} journaled once the sessions' earlier namings are done and the items of {@code lost} (LOST
     * outcomes' intents, by id) are named.
     */
    private synchronized CompletionStage<?> queued(
            List<? extends AuditEvent> events, Set<String> sessions, Map<String, AccessIntent> lost) {
        List<CompletableFuture<?>> earlier = new ArrayList<>();
        sessions.forEach(s -> {
            CompletableFuture<?> before = behind.get(s);
            if (before != null) {
                earlier.add(before);
            }
        });
        CompletableFuture<Object> done = CompletableFuture.allOf(earlier.toArray(CompletableFuture<?>[]::new))
                .handle((ignored, error) -> null)
                .thenApplyAsync(ignored -> named(events, lost), naming)
                .thenCompose(
                        named -> next.submitAll(named).toCompletableFuture().thenApply(x -> (Object) x));
        for (String s : sessions) {
            behind.put(s, done);
        }
        done.whenComplete((ignored, error) -> forget(sessions, done));
        return done;
    }

    private synchronized void forget(Set<String> sessions, CompletableFuture<?> done) {
        sessions.forEach(s -> behind.remove(s, done));
        notifyAll();
    }

    /** {@code events} with each LOST outcome of {@code intents} carrying the names the lookup found. */
    private List<AuditEvent> named(List<? extends AuditEvent> events, Map<String, AccessIntent> intents) {
        List<AuditEvent> out = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            AccessIntent intent = event instanceof IntentOutcome o ? intents.get(o.intent()) : null;
            if (intent == null || System.nanoTime() > namingUntil) {
                out.add(event);
                continue;
            }
            List<ItemRef> names = List.of();
            try {
                names = namer.name(unnamed(intent));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "naming the messages of a lost read failed: " + e.getMessage());
            }
            out.add(((IntentOutcome) event).withNames(names));
        }
        return out;
    }

    /** The intent's items the sensor named by UID alone. */
    private static List<IntentNamer.Unnamed> unnamed(AccessIntent intent) {
        List<IntentNamer.Unnamed> unnamed = new ArrayList<>();
        for (ItemRef item : intent.access().items()) {
            if (item.internetMessageId() == null && item.id() != null) {
                IntentNamer.Unnamed u =
                        IntentNamer.Unnamed.parse(intent.access().mailbox(), item.id());
                if (u != null) {
                    unnamed.add(u);
                }
            }
        }
        return unnamed;
    }

    private static String sessionOf(AuditEvent event) {
        String id =
                switch (event) {
                    case AccessIntent i -> i.session().id();
                    case IntentOutcome o -> o.session().id();
                    case dev.mailtrail.core.event.MailboxAccess a -> a.session().id();
                    case dev.mailtrail.core.event.CmdletInvocation c ->
                        c.session().id();
                };
        return id == null ? "" : id;
    }

    /**
     * Waits until what waits for a naming is handed on (called once the proxy has stopped, before the pipeline
     * closes); after {@link LookupIntentNamer#BOUND}, what is left is handed on unnamed.
     */
    @Override
    public synchronized void close() {
        namingUntil = System.nanoTime() + LookupIntentNamer.BOUND.toNanos();
        try {
            while (!behind.isEmpty()) {
                wait(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            naming.shutdown();
        }
    }
}
