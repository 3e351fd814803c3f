package dev.mailtrail.proxy.session;

import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.MailboxAccess;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where the proxy hands its access events, with an acknowledgement: {@link #submit} returns at once and its stage
 * completes when the event is durable (journaled), or completes exceptionally when it could not be made durable. In
 * strict mode the proxy releases a message's bytes to the client only when that stage has completed normally.
 * Implementations must be thread-safe: every connection's event loop submits.
 */
@FunctionalInterface
public interface AuditEventSink {

    /** An access event, or a cmdlet event (an inbox rule changed through ManageSieve). */
    CompletionStage<?> submit(AuditEvent event);

    /**
     * Events in order, completing when all are durable. A sink that journals them as one group (one append) should
     * say so: a strict proxy hands the reads it kept back together with the next intent, so that they share its
     * sync (decision 0011). By default, one by one.
     */
    default CompletionStage<?> submitAll(java.util.List<? extends AuditEvent> events) {
        CompletableFuture<?>[] acks = new CompletableFuture<?>[events.size()];
        for (int i = 0; i < acks.length; i++) {
            acks[i] = submit(events.get(i)).toCompletableFuture();
        }
        return CompletableFuture.allOf(acks);
    }

    /** A sink of {@code submit} and {@code submitAll} (the audit pipeline's own). */
    static AuditEventSink grouping(
            java.util.function.Function<AuditEvent, CompletionStage<?>> submit,
            java.util.function.Function<java.util.List<? extends AuditEvent>, CompletionStage<?>> submitAll) {
        return new AuditEventSink() {
            @Override
            public CompletionStage<?> submit(AuditEvent event) {
                return submit.apply(event);
            }

            @Override
            public CompletionStage<?> submitAll(java.util.List<? extends AuditEvent> events) {
                return submitAll.apply(events);
            }
        };
    }

    /** A sink for which every event is durable as soon as {@code accept} returns (tests, printing). */
    static AuditEventSink of(AccessEventSink plain) {
        return event -> {
            if (!(event instanceof MailboxAccess access)) {
                throw new IllegalArgumentException("this sink takes access events only: " + event);
            }
            plain.accept(access);
            return CompletableFuture.completedFuture(null);
        };
    }
}
