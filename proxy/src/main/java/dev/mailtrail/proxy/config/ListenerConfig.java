package dev.mailtrail.proxy.config;

import java.util.List;
import java.util.Objects;

/**
 * One address the proxy accepts clients on.
 *
 * @param name the listener's name in the configuration file ({@code imap}, {@code imaps}, …)
 * @param port the TCP port; 0 picks a free one (tests), reported by the running server
 * @param tls {@code IMPLICIT} (IMAPS, POP3S), {@code STARTTLS} (STARTTLS or STLS offered) or {@code NONE}
 * @param proxyProtocol the connection starts with a HAProxy PROXY protocol v1 or v2 header naming the real client
 * @param trustedNetworks the peers whose word on the end user's address is taken (PROXY header, IMAP {@code ID
 *     x-originating-ip}, SMTP {@code XCLIENT ADDR=}); from anyone else such a claim is ignored and logged
 * @param localDomains submission: the domains whose addresses are mailboxes named by their local part, as users log
 *     in without a domain; empty: every domain
 */
public record ListenerConfig(
        String name,
        MailProtocol protocol,
        String address,
        int port,
        TlsMode tls,
        boolean proxyProtocol,
        PlaintextAuth plaintextAuth,
        TrustedNetworks trustedNetworks,
        List<String> localDomains) {

    /** A listener that trusts no host to name the client and takes every domain as local. */
    public ListenerConfig(
            String name,
            MailProtocol protocol,
            String address,
            int port,
            TlsMode tls,
            boolean proxyProtocol,
            PlaintextAuth plaintextAuth) {
        this(name, protocol, address, port, tls, proxyProtocol, plaintextAuth, TrustedNetworks.NONE, List.of());
    }

    /** A listener trusting {@code trustedNetworks} to name the end user, taking every domain as local. */
    public ListenerConfig(
            String name,
            MailProtocol protocol,
            String address,
            int port,
            TlsMode tls,
            boolean proxyProtocol,
            PlaintextAuth plaintextAuth,
            TrustedNetworks trustedNetworks) {
        this(name, protocol, address, port, tls, proxyProtocol, plaintextAuth, trustedNetworks, List.of());
    }

    public ListenerConfig {
        trustedNetworks = trustedNetworks == null ? TrustedNetworks.NONE : trustedNetworks;
        localDomains = localDomains == null ? List.of() : List.copyOf(localDomains);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(plaintextAuth, "plaintextAuth");
        Objects.requireNonNull(trustedNetworks, "trustedNetworks");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The same listener, trusting {@code networks} to name the end user. */
    public ListenerConfig trusting(TrustedNetworks networks) {
        return new ListenerConfig(name, protocol, address, port, tls, proxyProtocol, plaintextAuth, networks, localDomains);
    }

    /** A plain listener on the loopback address, as tests and the demo use. */
    public static ListenerConfig loopback(String name, MailProtocol protocol, int port, TlsMode tls) {
        return new ListenerConfig(name, protocol, "127.0.0.1", port, tls, false, PlaintextAuth.SECURE_ONLY);
    }
}
