package dev.mailtrail.proxy.session;

import dev.mailtrail.core.event.CmdletInvocation;

/**
 * Where an auditor hands a change Exchange records as a cmdlet rather than a mailbox action: an inbox rule made
 * through a mail client is {@code New-InboxRule} (as from Outlook on the web). Same contract as
 * {@link AccessEventSink}: fast, never throws.
 */
@FunctionalInterface
public interface CmdletEventSink {
    void accept(CmdletInvocation change);
}
