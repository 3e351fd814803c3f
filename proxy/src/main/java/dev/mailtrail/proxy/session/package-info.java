/**
 * What the IMAP and POP3 session auditors share: who is logged in, the event sink, message identities and the
 * Bind/Sync rule. Pure: no I/O, no threads; time arrives as an {@link java.time.Instant} from the caller's clock.
 */
package dev.mailtrail.proxy.session;
