package dev.mailtrail.proxy.config;

/**
 * When a message's bytes may reach the client: in {@code STRICT} mode only once its access event is durable (no
 * read without its record); in {@code ASYNC} mode at once, the event following.
 */
public enum AuditMode {
    STRICT,
    ASYNC
}
