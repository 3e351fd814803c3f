package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.session.AccessEventSink;
import dev.mailtrail.proxy.session.IntentSink;
import java.util.ArrayList;
import java.util.List;

/** Records an auditor's accesses, intents and outcomes in the one order a journal would have them. */
public final class RecordingIntentSink implements AccessEventSink, IntentSink {

    public final List<AuditEvent> events = new ArrayList<>();

    @Override
    public void accept(MailboxAccess event) {
        events.add(event);
    }

    @Override
    public void intent(AccessIntent intent) {
        events.add(intent);
    }

    @Override
    public void outcome(IntentOutcome outcome) {
        events.add(outcome);
    }

    public List<AccessIntent> intents() {
        return events.stream()
                .filter(AccessIntent.class::isInstance)
                .map(AccessIntent.class::cast)
                .toList();
    }

    public List<MailboxAccess> accesses() {
        return events.stream()
                .filter(MailboxAccess.class::isInstance)
                .map(MailboxAccess.class::cast)
                .toList();
    }

    public List<String> outcomes() {
        return events.stream()
                .filter(IntentOutcome.class::isInstance)
                .map(e -> ((IntentOutcome) e).answer())
                .toList();
    }

    /** One line per event: {@code intent} and the intent's access, an access, or {@code outcome} and the answer. */
    public List<String> lines() {
        return events.stream()
                .map(e -> switch (e) {
                    case AccessIntent i -> "intent " + RecordingSink.render(i.access());
                    case IntentOutcome o -> "outcome " + o.answer();
                    case MailboxAccess a -> RecordingSink.render(a);
                    default -> e.toString();
                })
                .toList();
    }
}
