package dev.mailtrail.proxy.config;

/**
 * Whether a listener accepts LOGIN, AUTHENTICATE PLAIN/LOGIN, USER/PASS and AUTH PLAIN/LOGIN before TLS. Like
 * Dovecot's {@code disable_plaintext_auth}, the default refuses them on connections that are neither TLS nor from
 * the loopback address.
 */
public enum PlaintextAuth {
    /** Refused unless the connection is TLS or comes from a loopback address. */
    SECURE_ONLY,
    /** Always accepted. */
    ALLOW
}
