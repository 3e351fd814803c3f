package dev.mailtrail.store.log;

import java.io.IOException;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Searching a stored audit log: the reading half every engine provides, usable while another process appends.
 * A search sees what the last commit (or, in the writing process, the last refresh) holds.
 */
public interface AuditLogSearch extends AutoCloseable {

    /**
     * Streams the matching records newest first (CreationTime, then arrival), at most {@code limit}, to
     * {@code visitor} until it returns false. Nothing is held beyond one page: any number of results is fine.
     *
     * @return how many records were visited
     */
    long search(RecordQuery query, long limit, Predicate<FoundRecord> visitor) throws IOException;

    /**
     * As {@link #search(RecordQuery, long, Predicate)}, resuming after {@code after} (null: from the start): the
     * continuation of a paged search. This default walks from the start; an engine seeks instead.
     */
    default long search(RecordQuery query, ResultPosition after, long limit, Predicate<FoundRecord> visitor)
            throws IOException {
        if (after == null) {
            return search(query, limit, visitor);
        }
        long[] visited = {0};
        search(query, Long.MAX_VALUE, found -> {
            if (!after.isBefore(found)) {
                return true;
            }
            visited[0]++;
            return visitor.test(found) && visited[0] < limit;
        });
        return visited[0];
    }

    /** How many records match. */
    long count(RecordQuery query) throws IOException;

    /**
     * The mark the last retention purge of {@code chain} left (what it removed, under which policy, when), so that
     * a search can say that what it was asked for is gone by retention; empty if the chain was never purged.
     */
    default java.util.Optional<dev.mailtrail.store.chain.PurgeMark> purgeMark(String chain) throws IOException {
        return java.util.Optional.empty();
    }

    /** How many records match, by Operation. */
    Map<String, Long> countByOperation(RecordQuery query) throws IOException;

    /**
     * Streams every record in arrival order, for exports and rebuilds.
     *
     * @return how many records were visited
     */
    long export(Predicate<FoundRecord> visitor) throws IOException;

    /** Walks every hash chain and the engine's own checksums; names the first change made after writing. */
    VerifyReport verify() throws IOException;

    @Override
    void close() throws IOException;
}
