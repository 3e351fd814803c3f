package dev.mailtrail.proxy.config;

/** The mail access protocols the proxy fronts. */
public enum MailProtocol {
    IMAP,
    POP3
}
