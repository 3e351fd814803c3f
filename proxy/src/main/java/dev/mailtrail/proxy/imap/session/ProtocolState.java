package dev.mailtrail.proxy.imap.session;

/** The IMAP connection states of RFC 9051 §3. */
public enum ProtocolState {
    NOT_AUTHENTICATED,
    AUTHENTICATED,
    SELECTED,
    LOGOUT
}
