package dev.mailtrail.proxy.config;

/** The mail access protocols the proxy fronts. */
public enum MailProtocol {
    IMAP,
    POP3,
    /** RFC 5804: a mail client's Sieve scripts, its inbox rules. */
    MANAGESIEVE
}
