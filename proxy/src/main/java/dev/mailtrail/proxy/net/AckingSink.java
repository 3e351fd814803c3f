package dev.mailtrail.proxy.net;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.proxy.session.AccessEventSink;
import dev.mailtrail.proxy.session.AuditEventSink;
import dev.mailtrail.proxy.session.CmdletEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One connection's bridge from its auditor, which emits events, to the acknowledging {@link AuditEventSink}. It
 * remembers the acknowledgements not yet taken, so the relay can make the next bytes it releases wait for them,
 * and reports each to the server-wide {@link InFlight} so that shutdown can wait for every event to be durable.
 */
final class AckingSink implements AccessEventSink, CmdletEventSink {
    private static final System.Logger LOG = System.getLogger(AckingSink.class.getName());

    private final AuditEventSink sink;
    private final InFlight inFlight;
    private final List<CompletableFuture<?>> untaken = new ArrayList<>();
    private long accepted;
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
        submit(event);
    }

    @Override
    public void accept(CmdletInvocation change) {
        accepted++;
        submit(change);
    }

    private void submit(AuditEvent event) {
        CompletableFuture<?> ack;
        try {
            ack = sink.submit(event).toCompletableFuture();
        } catch (RuntimeException e) {
            ack = CompletableFuture.failedFuture(e);
        }
        inFlight.track(event, ack);
        untaken.add(ack);
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
