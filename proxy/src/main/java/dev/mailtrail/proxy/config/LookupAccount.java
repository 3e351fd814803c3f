package dev.mailtrail.proxy.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The account the proxy looks messages up with on the mail server, to name the messages a command touches when its
 * responses do not (docs/proxy-configuration.md, "Naming every item"): a Dovecot master user or a Cyrus admin allowed
 * proxy authorisation, logging in to each mailbox as {@code AUTHENTICATE PLAIN mailbox\0user\0password}.
 *
 * @param timeout how long a command waits for its messages to be named before it goes to the server anyway
 */
public record LookupAccount(String user, String password, Duration timeout) {

    public LookupAccount {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return "LookupAccount[user=" + user + ", timeout=" + timeout + "]"; // never the password
    }
}
