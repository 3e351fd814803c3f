package dev.mailtrail.app.api.search;

/** What a search endpoint did: wrote a page, or refused the request before writing anything. */
public sealed interface SearchResult {
    /**
     * A page written.
     *
     * @param visited records of the query this page covered (all written, but those {@code -ExternalAccess} leaves
     *     out)
     * @param matching how many records match the query in all (Exchange's ResultCount)
     * @param nextCursor where the next page starts, or null when this page was the last
     */
    record Page(long visited, long matching, String nextCursor) implements SearchResult {}

    /** Refused; nothing was written. */
    record Refused(ApiError error) implements SearchResult {}
}
