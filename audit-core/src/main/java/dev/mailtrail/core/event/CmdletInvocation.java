package dev.mailtrail.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * An administrator ran an Exchange cmdlet line ({@code "kind":"cmdlet"}), e.g.
 * {@code Set-Mailbox -Identity alice@contoso.com -AuditOwner @{Add="MailboxLogin"}}.
 */
public record CmdletInvocation(Instant time, String actor, String command, Session session) implements AuditEvent {
    public CmdletInvocation {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(command, "command");
        session = session == null ? Session.NONE : session;
    }
}
