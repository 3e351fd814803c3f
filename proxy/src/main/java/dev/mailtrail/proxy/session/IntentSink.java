package dev.mailtrail.proxy.session;

import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.IntentOutcome;

/**
 * Where a strict-mode auditor hands the intent of a command that will reveal messages, before the server has it,
 * and the intent's outcome once the server answered (docs/decisions/0011). The intent's acknowledgement is what
 * the answer's bytes wait for; the outcome's is waited for by nothing but shutdown.
 */
public interface IntentSink {
    void intent(AccessIntent intent);

    void outcome(IntentOutcome outcome);
}
