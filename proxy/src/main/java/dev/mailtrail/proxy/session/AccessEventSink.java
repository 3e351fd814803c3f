package dev.mailtrail.proxy.session;

import dev.mailtrail.core.event.MailboxAccess;

/**
 * Where the auditors hand their events, after OkHttp's {@code EventListener}: one method, fast, never throws. The
 * events are immutable; the sink owns what happens next (queueing, journaling, acknowledgement).
 */
@FunctionalInterface
public interface AccessEventSink {
    void accept(MailboxAccess event);
}
