package dev.mailtrail.proxy.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The mail server behind the proxy for one protocol.
 *
 * @param tls {@code IMPLICIT} (port 993/995), {@code STARTTLS} (the proxy upgrades right after the greeting) or
 *     {@code NONE}
 * @param verify check the server's certificate and host name (on unless deliberately turned off)
 * @param trustedCertificates PEM file of the certificates to trust; null for the JDK's trust store
 * @param connectTimeout how long to wait for the TCP connection and the greeting
 * @param responseTimeout how long a command may wait for any server output before the client gets a BYE
 * @param identifyClient tell an IMAP server that offers ID the real client's address and the SessionId, as
 *     Dovecot's own login proxy does ({@code x-originating-ip}, {@code x-session-id}); Dovecot takes them from
 *     hosts in its {@code login_trusted_networks}, so its log and the audit records name the same client and session
 * @param lookup the account that names messages from the server itself (IMAP only); null: only what responses show
 */
public record UpstreamConfig(
        String host,
        int port,
        TlsMode tls,
        boolean verify,
        Path trustedCertificates,
        Duration connectTimeout,
        Duration responseTimeout,
        boolean identifyClient,
        LookupAccount lookup) {

    /** A server without a lookup account. */
    public UpstreamConfig(
            String host,
            int port,
            TlsMode tls,
            boolean verify,
            Path trustedCertificates,
            Duration connectTimeout,
            Duration responseTimeout,
            boolean identifyClient) {
        this(host, port, tls, verify, trustedCertificates, connectTimeout, responseTimeout, identifyClient, null);
    }

    /** The same server with {@code account} as its lookup account. */
    public UpstreamConfig withLookup(LookupAccount account) {
        return new UpstreamConfig(
                host, port, tls, verify, trustedCertificates, connectTimeout, responseTimeout, identifyClient, account);
    }

    /** A server told the client's address by IMAP ID when it offers ID. */
    public UpstreamConfig(
            String host,
            int port,
            TlsMode tls,
            boolean verify,
            Path trustedCertificates,
            Duration connectTimeout,
            Duration responseTimeout) {
        this(host, port, tls, verify, trustedCertificates, connectTimeout, responseTimeout, true);
    }

    public UpstreamConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** A plaintext server on {@code host:port} with the default timeouts (10 s to connect, 60 s to answer). */
    public static UpstreamConfig plain(String host, int port) {
        return new UpstreamConfig(host, port, TlsMode.NONE, true, null, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }
}
