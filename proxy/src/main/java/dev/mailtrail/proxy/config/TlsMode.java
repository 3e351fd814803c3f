package dev.mailtrail.proxy.config;

/** How a connection gets TLS: from its first byte, by STARTTLS (IMAP) or STLS (POP3), or not at all. */
public enum TlsMode {
    IMPLICIT,
    STARTTLS,
    NONE
}
