package dev.mailtrail.app.api.search;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A management scope, as Exchange's role assignments have them: the mailboxes a user may search and configure
 * (UPNs, compared case-insensitively as Exchange compares them). The unrestricted scope reaches every mailbox and
 * the organisation's own settings.
 */
public record MailboxScope(Set<String> mailboxes, boolean unrestricted) {
    public MailboxScope {
        mailboxes =
                mailboxes.stream().map(m -> m.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static MailboxScope all() {
        return new MailboxScope(Set.of(), true);
    }

    /** A scope of these mailboxes only (a responder working one case). */
    public static MailboxScope of(Set<String> mailboxes) {
        return new MailboxScope(mailboxes, false);
    }

    public boolean allows(String mailbox) {
        return unrestricted || mailboxes.contains(mailbox.strip().toLowerCase(Locale.ROOT));
    }

    /** The scope's mailboxes in order, for an error that names them. */
    String describe() {
        return String.join(", ", new TreeSet<>(mailboxes));
    }

    /** Exchange's refusal, worded for the mailbox and the scope. */
    String refusal(String mailbox) {
        return "The mailbox '" + mailbox + "' is outside your management scope"
                + (mailboxes.isEmpty() ? ", which holds no mailbox." : ", which holds: " + describe() + ".");
    }
}
