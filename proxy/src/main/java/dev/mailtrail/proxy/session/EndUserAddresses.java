package dev.mailtrail.proxy.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The end user's address a trusted front end last named at a user's IMAP login (webmail's {@code ID
 * x-originating-ip}), by mailbox and front end, so that the same user's ManageSieve session from the same front end,
 * which cannot name anyone, is given it: webmail opens IMAP on every request and ManageSieve within the same one.
 * Kept for {@code freshFor}, at most {@code capacity} entries (the oldest go first). Thread-safe: every connection's
 * event loop uses it.
 */
public final class EndUserAddresses {

    private record Key(String mailbox, String frontEnd) {}

    private record Named(String ip, Instant at) {}

    private final Duration freshFor;
    private final Map<Key, Named> named;

    public EndUserAddresses(int capacity, Duration freshFor) {
        this.freshFor = freshFor;
        this.named = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Named> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A login to {@code mailbox} through {@code frontEnd} (a trusted peer) named the end user {@code ip}. */
    public synchronized void named(String mailbox, String frontEnd, String ip, Instant at) {
        named.put(new Key(mailbox.toLowerCase(Locale.ROOT), frontEnd), new Named(ip, at));
    }

    /** The end user {@code frontEnd} last named for {@code mailbox}, if within {@code freshFor} of {@code now}. */
    public synchronized Optional<String> lookup(String mailbox, String frontEnd, Instant now) {
        Named n = named.get(new Key(mailbox.toLowerCase(Locale.ROOT), frontEnd));
        return n == null || n.at().plus(freshFor).isBefore(now) ? Optional.empty() : Optional.of(n.ip());
    }
}
