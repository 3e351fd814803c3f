package dev.mailtrail.investigate.scope;

import java.time.Instant;

/**
 * What the case knows of a message besides its InternetMessageId: its subject (MailTrail's own records and
 * Exchange's Item and AffectedItems carry it), sender and date (known for what the mailbox sent). Each may be null.
 */
public record KnownMessage(String subject, String sender, Instant date) {
    public static final KnownMessage UNKNOWN = new KnownMessage(null, null, null);

    public boolean isKnown() {
        return subject != null || sender != null || date != null;
    }

    KnownMessage orElse(KnownMessage other) {
        return new KnownMessage(
                subject != null ? subject : other.subject,
                sender != null ? sender : other.sender,
                date != null ? date : other.date);
    }
}
