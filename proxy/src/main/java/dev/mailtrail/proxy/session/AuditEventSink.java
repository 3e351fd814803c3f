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
