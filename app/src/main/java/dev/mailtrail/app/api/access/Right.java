package dev.mailtrail.app.api.access;

/** One thing an API route asks of its caller; a {@link Role} grants a set of them. */
public enum Right {
    /** Search the audit logs and read the results page by page. */
    SEARCH,
    /** Export search results whole (CSV, JSON Lines). */
    EXPORT,
    /** Change the audit configuration (Set-Mailbox, Set-OrganizationConfig, bypass). */
    CONFIGURE,
    /** Post access events ({@code POST /api/v1/events}). */
    POST_EVENTS,
    /** Read the Prometheus metrics. */
    READ_METRICS
}
