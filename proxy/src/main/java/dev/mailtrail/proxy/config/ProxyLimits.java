package dev.mailtrail.proxy.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of one connection, and of how many the proxy holds.
 *
 * @param maxLineLength the longest command or response text kept, literals kept for it included (Dovecot: 64 KiB)
 * @param maxLiteralSize the largest literal a client may send (an APPEND of a large message)
 * @param captureLimit how many bytes of each fetched body are kept to read Message-ID and Subject from
 * @param maxHeldBytes strict mode: the most bytes of one response held back while its access event is made
 *     durable; past it the response streams and only its last piece waits
 * @param maxConnections client connections one listener holds at once; more are refused with the protocol's own
 *     "too many connections" reply (Dovecot's login {@code process_limit} × {@code client_limit} is the model)
 * @param maxConnectionsPerIp client connections one listener holds from one address (Dovecot:
 *     {@code mail_max_userip_connections}, though per address only, as nobody has logged in yet)
 * @param loginTimeout how long a connection may stay without a login before it is closed (Dovecot's login
 *     processes: 60 s)
 * @param tlsHandshakeTimeout how long a client's TLS handshake may take (implicit TLS and STARTTLS)
 * @param descriptorReserve file descriptors kept free for the stores and the journal: accepting pauses while
 *     fewer than this are left under the process's limit
 */
public record ProxyLimits(
        int maxLineLength,
        long maxLiteralSize,
        int captureLimit,
        int maxHeldBytes,
        int maxConnections,
        int maxConnectionsPerIp,
        Duration loginTimeout,
        Duration tlsHandshakeTimeout,
        int descriptorReserve) {

    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 50;
    public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_TLS_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_DESCRIPTOR_RESERVE = 256;

    public static final ProxyLimits DEFAULTS =
            new ProxyLimits(64 * 1024, 64L * 1024 * 1024, 16 * 1024, 16 * 1024 * 1024);

    /** The connection bounds with the default limits on connections and time. */
    public ProxyLimits(int maxLineLength, long maxLiteralSize, int captureLimit, int maxHeldBytes) {
        this(
                maxLineLength,
                maxLiteralSize,
                captureLimit,
                maxHeldBytes,
                DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_CONNECTIONS_PER_IP,
                DEFAULT_LOGIN_TIMEOUT,
                DEFAULT_TLS_HANDSHAKE_TIMEOUT,
                DEFAULT_DESCRIPTOR_RESERVE);
    }

    public ProxyLimits {
        if (maxLineLength < 1024) {
            throw new IllegalArgumentException("max line length below 1024 bytes: " + maxLineLength);
        }
        if (maxLiteralSize < 0 || captureLimit < 0 || maxHeldBytes < 0 || descriptorReserve < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        if (maxConnections < 1 || maxConnectionsPerIp < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1");
        }
        Objects.requireNonNull(loginTimeout, "loginTimeout");
        Objects.requireNonNull(tlsHandshakeTimeout, "tlsHandshakeTimeout");
        if (loginTimeout.isNegative()
                || loginTimeout.isZero()
                || tlsHandshakeTimeout.isNegative()
                || tlsHandshakeTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** These limits with other connection counts (tests, per-listener settings). */
    public ProxyLimits withConnections(int max, int perIp) {
        return new ProxyLimits(
                maxLineLength,
                maxLiteralSize,
                captureLimit,
                maxHeldBytes,
                max,
                perIp,
                loginTimeout,
                tlsHandshakeTimeout,
                descriptorReserve);
    }

    /** These limits with other timeouts. */
    public ProxyLimits withTimeouts(Duration login, Duration tlsHandshake) {
        return new ProxyLimits(
                maxLineLength,
                maxLiteralSize,
                captureLimit,
                maxHeldBytes,
                maxConnections,
                maxConnectionsPerIp,
                login,
                tlsHandshake,
                descriptorReserve);
    }
}
