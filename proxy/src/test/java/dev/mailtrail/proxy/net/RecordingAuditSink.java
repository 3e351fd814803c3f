package dev.mailtrail.proxy.net;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.session.AuditEventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * Records what the proxy submits, in order, and acknowledges at once unless {@link #holdAcknowledgements()} is on:
 * then each acknowledgement waits until {@link #acknowledgeAll()} (or fails with {@link #failAll()}), which is how a
 * test sees that strict mode keeps a message's bytes back until its event is durable.
 */
final class RecordingAuditSink implements AuditEventSink {

    private final List<MailboxAccess> events = new ArrayList<>();
    private final List<CmdletInvocation> cmdlets = new ArrayList<>();
    private final List<AuditEvent> intents = new ArrayList<>();
    private final List<AuditEvent> all = new ArrayList<>();
    private final List<CompletableFuture<Void>> unacknowledged = new ArrayList<>();
    private final List<CompletableFuture<Void>> intentAcks = new ArrayList<>();
    private boolean holding;

    @Override
    public synchronized CompletionStage<?> submit(AuditEvent submitted) {
        all.add(submitted);
        switch (submitted) {
            case MailboxAccess event -> events.add(event);
            case CmdletInvocation cmdlet -> cmdlets.add(cmdlet);
            case dev.mailtrail.core.event.AccessIntent intent -> intents.add(intent);
            case dev.mailtrail.core.event.IntentOutcome outcome -> intents.add(outcome);
        }
        notifyAll();
        if (!holding) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> ack = new CompletableFuture<>();
        unacknowledged.add(ack);
        if (submitted instanceof dev.mailtrail.core.event.AccessIntent) {
            intentAcks.add(ack);
        }
        return ack;
    }

    synchronized void holdAcknowledgements() {
        holding = true;
    }

    void acknowledgeAll() {
        List<CompletableFuture<Void>> open;
        synchronized (this) {
            holding = false;
            open = new ArrayList<>(unacknowledged);
            unacknowledged.clear();
        }
        open.forEach(f -> f.complete(null));
    }

    /** Acknowledges the intents submitted so far, and nothing else; the rest stays held. */
    void acknowledgeIntents() {
        List<CompletableFuture<Void>> open;
        synchronized (this) {
            open = new ArrayList<>(intentAcks);
            unacknowledged.removeAll(open);
            intentAcks.clear();
        }
        open.forEach(f -> f.complete(null));
    }

    /** Waits (up to {@code limit}) until {@code n} intents were submitted. */
    synchronized void awaitIntents(int n, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (intents.stream()
                        .filter(dev.mailtrail.core.event.AccessIntent.class::isInstance)
                        .count()
                < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + n + " intents; recorded: " + intents);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    void failAll() {
        List<CompletableFuture<Void>> open;
        synchronized (this) {
            open = new ArrayList<>(unacknowledged);
            unacknowledged.clear();
        }
        open.forEach(f -> f.completeExceptionally(new IllegalStateException("journal full")));
    }

    synchronized List<MailboxAccess> events() {
        return List.copyOf(events);
    }

    /** Everything submitted, in order. */
    synchronized List<AuditEvent> submitted() {
        return List.copyOf(all);
    }

    /** The intents and their outcomes submitted (strict mode), in order. */
    synchronized List<AuditEvent> intents() {
        return List.copyOf(intents);
    }

    /** Every event submitted, accesses, intents and outcomes in the one order a journal would have them. */
    synchronized List<AuditEvent> all() {
        return List.copyOf(all);
    }

    /** The cmdlet events (inbox-rule changes) submitted, in order. */
    synchronized List<CmdletInvocation> cmdlets() {
        return List.copyOf(cmdlets);
    }

    /** Waits (up to {@code limit}) until at least {@code n} cmdlet events came; returns them. */
    synchronized List<CmdletInvocation> awaitCmdlets(int n, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (cmdlets.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + n + " cmdlet events; recorded: " + cmdlets);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(cmdlets);
    }

    synchronized int unacknowledgedCount() {
        return unacknowledged.size();
    }

    /** Waits (up to {@code limit}) until some event matches; returns every event recorded by then. */
    synchronized List<MailboxAccess> await(Predicate<List<MailboxAccess>> until, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!until.test(events)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected events did not come; recorded: " + describe(events));
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(events);
    }

    List<MailboxAccess> awaitAny(MailboxAction action, Duration limit) throws InterruptedException {
        return await(es -> es.stream().anyMatch(e -> e.operation() == action), limit);
    }

    static Predicate<List<MailboxAccess>> has(MailboxAction action, MailAccessType type) {
        return es -> es.stream().anyMatch(e -> e.operation() == action && e.accessType() == type);
    }

    static String describe(List<MailboxAccess> events) {
        StringBuilder out = new StringBuilder();
        for (MailboxAccess e : events) {
            out.append("\n  ")
                    .append(e.operation())
                    .append(e.accessType() == null ? "" : "/" + e.accessType())
                    .append(" ")
                    .append(e.actor())
                    .append(" in ")
                    .append(e.mailbox())
                    .append(" ")
                    .append(e.logonType())
                    .append(e.folder() == null ? "" : " " + e.folder().path())
                    .append(" items=")
                    .append(e.items().stream().map(i -> i.internetMessageId()).toList());
        }
        return out.toString();
    }
}
