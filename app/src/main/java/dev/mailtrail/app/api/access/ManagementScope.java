package dev.mailtrail.app.api.access;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mailboxes a principal may see, as an Exchange management scope limits a role assignment: a responder working
 * one case gets the case's mailboxes. Empty means every mailbox. Addresses compare without case, as Exchange's do.
 */
public record ManagementScope(Set<String> mailboxes) {
    public static final ManagementScope ORGANIZATION = new ManagementScope(Set.of());

    public ManagementScope {
        TreeSet<String> lower = new TreeSet<>();
        for (String mailbox : mailboxes) {
            if (!mailbox.isBlank()) {
                lower.add(mailbox.strip().toLowerCase(Locale.ROOT));
            }
        }
        mailboxes = Set.copyOf(lower);
    }

    public boolean whole() {
        return mailboxes.isEmpty();
    }

    /** Whether records of {@code mailbox} are in scope. */
    public boolean includes(String mailbox) {
        return whole() || (mailbox != null && mailboxes.contains(mailbox.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return whole() ? "Organization" : String.join(",", new TreeSet<>(mailboxes));
    }
}
