package dev.mailtrail.proxy.config;

/**
 * The bounds of one connection.
 *
 * @param maxLineLength the longest command or response text kept, literals kept for it included (Dovecot: 64 KiB)
 * @param maxLiteralSize the largest literal a client may send (an APPEND of a large message)
 * @param captureLimit how many bytes of each fetched body are kept to read Message-ID and Subject from
 * @param maxHeldBytes strict mode: the most bytes of one response held back while its access event is made
 *     durable; past it the response streams and only its last piece waits
 */
public record ProxyLimits(int maxLineLength, long maxLiteralSize, int captureLimit, int maxHeldBytes) {

    public static final ProxyLimits DEFAULTS =
            new ProxyLimits(64 * 1024, 64L * 1024 * 1024, 16 * 1024, 16 * 1024 * 1024);

    public ProxyLimits {
        if (maxLineLength < 1024) {
            throw new IllegalArgumentException("max line length below 1024 bytes: " + maxLineLength);
        }
        if (maxLiteralSize < 0 || captureLimit < 0 || maxHeldBytes < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }
}
