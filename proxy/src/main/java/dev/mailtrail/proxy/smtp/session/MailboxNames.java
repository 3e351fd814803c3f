package dev.mailtrail.proxy.smtp.session;

import java.util.List;
import java.util.Locale;

/**
 * Which mailbox an address names, in the terms users log in with. Where logins carry no domain (Dovecot's
 * {@code alice}), an address of a local domain names the mailbox of its local part, so that a send is filed under the
 * same mailbox as the IMAP reads; any other address names itself. With no local domains configured every domain
 * counts as local.
 */
public record MailboxNames(List<String> localDomains) {

    public MailboxNames {
        localDomains =
                localDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }

    /** The mailbox {@code address} names for a session whose user logged in as {@code login}. */
    public String mailboxOf(String address, String login) {
        String a = address.toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (login.contains("@") || at < 0) {
            return a;
        }
        String domain = a.substring(at + 1);
        return localDomains.isEmpty() || localDomains.contains(domain) ? a.substring(0, at) : a;
    }

    /** Whether {@code address} is {@code login}'s own. */
    public boolean isOwn(String address, String login) {
        return mailboxOf(address, login).equalsIgnoreCase(login);
    }
}
