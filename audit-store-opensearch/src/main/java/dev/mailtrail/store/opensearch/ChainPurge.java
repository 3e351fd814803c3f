package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.store.chain.PurgeMark;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

/**
 * Retention of one chain (a mailbox's {@code AuditLogAgeLimit}): its oldest records up to the last one before the
 * cutoff that has only older records before it go, and a purge mark says so. The mark is written first and the
 * records deleted after it (on the mailbox's shard): a crash between the two leaves
 * records the mark already covers, which verify passes over and the next purge deletes; never a gap without a mark.
 */
final class ChainPurge {
    private final OpenSearchHttp http;
    private final LogNames names;

    ChainPurge(OpenSearchHttp http, LogNames names) {
        this.http = http;
        this.names = names;
    }

    /**
     * Purges at once: the mark, then the records it covers.
     *
     * @param lastPosition the chain's last position as its writer knows it (every record older than the cutoff)
     * @return how many records were purged
     */
    long purge(String chain, long lastPosition, Instant cutoff, String policy, Instant now) throws IOException {
        long purged = mark(chain, lastPosition, cutoff, policy, now);
        long through = PurgeMarkDocument.get(http, names, chain)
                .map(PurgeMark::throughPosition)
                .orElse(0L);
        deleteThrough(chain, through);
        return purged;
    }

    /**
     * Writes the chain's purge mark up to the last record before {@code cutoff} that has only older records before
     * it, and deletes nothing: the records it covers go with their whole month, or by {@link #deleteThrough}.
     *
     * @param lastPosition the chain's last position as its writer knows it, or -1 for its highest stored one
     * @return how many records the new mark covers beyond the old one
     */
    long mark(String chain, long lastPosition, Instant cutoff, String policy, Instant now) throws IOException {
        long purgedBefore = PurgeMarkDocument.get(http, names, chain)
                .map(PurgeMark::throughPosition)
                .orElse(0L);
        http.post(names.records() + "/_refresh", null);
        JsonNode firstKept = first(chain, purgedBefore, cutoff);
        long through = firstKept != null
                ? firstKept.path("position").asLong() - 1
                : lastPosition >= 0 ? lastPosition : highest(chain);
        if (through <= purgedBefore) {
            return 0;
        }
        JsonNode last = at(chain, through);
        if (last == null) {
            throw new IOException("the record at position " + through + " of " + chain + " in " + names.log()
                    + " is missing: the chain cannot be purged up to it (verify the log)");
        }
        long count = count(chain, purgedBefore, through);
        byte[] hash = Base64.getDecoder().decode(last.path("hash").asText());
        PurgeMarkDocument.put(http, names, new PurgeMark(chain, through, hash, policy, now));
        return count;
    }

    /** Deletes the chain's records up to {@code through} in {@code indexes} (every month by default). */
    long deleteThrough(String chain, long through, String indexes) throws IOException {
        if (through <= 0) {
            return 0;
        }
        return Deletion.matching(http, indexes, ChainWalk.routing(chain), range(chain, Long.MIN_VALUE, through));
    }

    private long highest(String chain) throws IOException {
        ObjectNode request = inChain(chain, 1);
        request.putArray("sort").addObject().put("position", "desc");
        JsonNode last = single(chain, request);
        return last == null ? 0 : last.path("position").asLong();
    }

    private JsonNode first(String chain, long after, Instant cutoff) throws IOException {
        ObjectNode request = inChain(chain, 1);
        ArrayNode filter = request.path("query").path("bool").withArray("filter");
        filter.addObject().putObject("range").putObject("position").put("gt", after);
        filter.addObject().putObject("range").putObject("time").put("gte", cutoff.toEpochMilli());
        request.putArray("sort").addObject().put("position", "asc");
        return single(chain, request);
    }

    private JsonNode at(String chain, long position) throws IOException {
        ObjectNode request = inChain(chain, 1);
        ArrayNode filter = request.path("query").path("bool").withArray("filter");
        filter.addObject().putObject("term").put("position", position);
        return single(chain, request);
    }

    private long count(String chain, long after, long through) throws IOException {
        ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
        request.set("query", range(chain, after, through));
        return http.post(names.records() + "/_count" + routing(chain), request)
                .path("count")
                .asLong();
    }

    private void deleteThrough(String chain, long through) throws IOException {
        deleteThrough(chain, through, names.records());
    }

    private ObjectNode inChain(String chain, int size) {
        ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
        request.put("size", size).put("track_total_hits", false);
        request.putObject("query")
                .putObject("bool")
                .putArray("filter")
                .addObject()
                .putObject("term")
                .put("chain", chain);
        request.putArray("_source").add("position").add("hash");
        return request;
    }

    private static ObjectNode range(String chain, long after, long through) {
        ObjectNode query = OpenSearchHttp.JSON.createObjectNode();
        ArrayNode filter = query.putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("chain", chain);
        filter.addObject()
                .putObject("range")
                .putObject("position")
                .put("gt", after)
                .put("lte", through);
        return query;
    }

    private JsonNode single(String chain, ObjectNode request) throws IOException {
        JsonNode hits = http.post(names.records() + "/_search" + routing(chain), request)
                .path("hits")
                .path("hits");
        return hits.isEmpty() ? null : hits.get(0).path("_source");
    }

    private static String routing(String chain) {
        String routing = ChainWalk.routing(chain);
        return routing == null ? "" : "?routing=" + OpenSearchHttp.encode(routing);
    }
}
