package dev.mailtrail.proxy.net;

import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.MailboxAccess;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every event of the proxy not yet acknowledged, so that shutdown can wait until all are durable, and a count of the
 * events whose acknowledgement failed, each logged with what it was: an audit record is never lost quietly.
 */
final class InFlight {

    private static final System.Logger LOG = System.getLogger(InFlight.class.getName());

    private final Set<CompletableFuture<?>> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong failed = new AtomicLong();

    void track(AuditEvent event, CompletableFuture<?> ack) {
        open.add(ack);
        ack.whenComplete((r, e) -> {
            open.remove(ack);
            if (e != null) {
                failed.incrementAndGet();
                LOG.log(System.Logger.Level.ERROR, "audit event NOT made durable: " + describe(event), e);
            }
        });
    }

    private static String describe(AuditEvent event) {
        return switch (event) {
            case MailboxAccess a ->
                a.operation() + " by " + a.actor() + " in " + a.mailbox() + " (session "
                        + a.session().id() + ")";
            case CmdletInvocation c ->
                c.command() + " by " + c.actor() + " (session " + c.session().id() + ")";
            case dev.mailtrail.core.event.AccessIntent i ->
                "intent " + i.id() + " to read " + i.access().items().size() + " item(s) in "
                        + i.access().mailbox();
            case dev.mailtrail.core.event.IntentOutcome o -> "outcome " + o.answer() + " of intent " + o.intent();
        };
    }

    long failed() {
        return failed.get();
    }

    /** Waits up to {@code limit} for every event submitted so far; false if some are still open. */
    boolean await(Duration limit) throws InterruptedException {
        CompletableFuture<?>[] now = open.toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(now).get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true; // failures are logged one by one
        } catch (TimeoutException e) {
            return false;
        }
    }
}
