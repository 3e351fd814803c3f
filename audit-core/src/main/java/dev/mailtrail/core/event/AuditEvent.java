package dev.mailtrail.core.event;

import java.time.Instant;

/** A fact handed to the audit core. Closed set: adding a kind is a compile error wherever events are handled. */
public sealed interface AuditEvent permits MailboxAccess, CmdletInvocation, AccessIntent, IntentOutcome {
    /** When it happened. */
    Instant time();

    /** The account that acted. */
    String actor();
}
