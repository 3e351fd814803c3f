package dev.mailtrail.proxy.config;

/** The mail access protocols the proxy fronts. */
public enum MailProtocol {
    IMAP,
    POP3,
    /** SMTP message submission (RFC 6409), port 587 with STARTTLS or 465 with implicit TLS (RFC 8314). */
    SUBMISSION,
    /** RFC 5804: a mail client's Sieve scripts, its inbox rules. */
    MANAGESIEVE
}
