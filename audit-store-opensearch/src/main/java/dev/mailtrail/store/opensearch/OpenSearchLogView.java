package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.store.chain.PurgeMark;
import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.RecordQuery;
import dev.mailtrail.store.log.ResultPosition;
import dev.mailtrail.store.log.VerifyReport;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A whole log in OpenSearch as searches see it, every writer's records together, read only: newest first by
 * CreationTime then the log-wide sequence (the Lucene log's paging, {@link ResultPosition}), counts, exports in
 * sequence order, and {@link #verify()} over every chain. Searches see what OpenSearch last refreshed (every
 * second, and at each writer's commit), records of commits still under way included; verify leaves those out.
 */
public final class OpenSearchLogView implements AuditLogSearch {
    private static final int PAGE = 1_000;

    private final OpenSearchHttp http;
    private final LogNames names;

    OpenSearchLogView(OpenSearchHttp http, LogNames names) {
        this.http = http;
        this.names = names;
    }

    /** The log named {@code log} of the cluster at {@code node}, read only (nothing is created). */
    public static OpenSearchLogView open(URI node, String log) {
        return new OpenSearchLogView(new OpenSearchHttp(node), new LogNames(log));
    }

    @Override
    public long search(RecordQuery query, long limit, Predicate<FoundRecord> visitor) throws IOException {
        return search(query, null, limit, visitor);
    }

    @Override
    public long search(RecordQuery query, ResultPosition after, long limit, Predicate<FoundRecord> visitor)
            throws IOException {
        String routing = LogQueries.routing(query);
        String path =
                names.records() + "/_search" + (routing == null ? "" : "?routing=" + OpenSearchHttp.encode(routing));
        JsonNode searchAfter = after == null
                ? null
                : OpenSearchHttp.JSON
                        .createArrayNode()
                        .add(after.creationMillis())
                        .add(after.sequence());
        long visited = 0;
        while (visited < limit) {
            ObjectNode request = page(LogQueries.records(query), (int) Math.min(PAGE, limit - visited), searchAfter);
            ArrayNode sort = request.putArray("sort");
            sort.addObject().put("time", "desc");
            sort.addObject().put("seq", "desc");
            JsonNode hits = http.post(path, request).path("hits").path("hits");
            for (JsonNode hit : hits) {
                visited++;
                if (!visitor.test(found(hit.path("_source")))) {
                    return visited;
                }
                searchAfter = hit.path("sort");
            }
            if (hits.size() < request.path("size").asInt()) {
                break;
            }
        }
        return visited;
    }

    @Override
    public long count(RecordQuery query) throws IOException {
        ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
        request.set("query", LogQueries.records(query));
        return http.post(names.records() + "/_count", request).path("count").asLong();
    }

    @Override
    public Optional<PurgeMark> purgeMark(String chain) throws IOException {
        return PurgeMarkDocument.get(http, names, chain);
    }

    @Override
    public Map<String, Long> countByOperation(RecordQuery query) throws IOException {
        ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
        request.put("size", 0).put("track_total_hits", false);
        request.set("query", LogQueries.records(query));
        request.putObject("aggs")
                .putObject("operations")
                .putObject("terms")
                .put("field", "operation")
                .put("size", 10_000);
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode bucket : http.post(names.records() + "/_search", request)
                .path("aggregations")
                .path("operations")
                .path("buckets")) {
            counts.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
        }
        return counts;
    }

    /** Every record in the log-wide sequence's order: each writer's records in their order, writers interleaved. */
    @Override
    public long export(Predicate<FoundRecord> visitor) throws IOException {
        ObjectNode all = OpenSearchHttp.JSON.createObjectNode();
        all.putObject("term").put("kind", LogIndex.KIND_RECORD);
        JsonNode searchAfter = null;
        long visited = 0;
        while (true) {
            ObjectNode request = page(all, PAGE, searchAfter);
            request.putArray("sort").addObject().put("seq", "asc");
            JsonNode hits = http.post(names.records() + "/_search", request)
                    .path("hits")
                    .path("hits");
            for (JsonNode hit : hits) {
                visited++;
                if (!visitor.test(found(hit.path("_source")))) {
                    return visited;
                }
                searchAfter = hit.path("sort");
            }
            if (hits.size() < PAGE) {
                return visited;
            }
        }
    }

    /** Every chain of the log, from every writer, each against its head and purge mark. */
    @Override
    public VerifyReport verify() throws IOException {
        return verify(chains());
    }

    VerifyReport verify(List<String> chains) throws IOException {
        refresh();
        return new ChainWalk(http, names).verify(chains);
    }

    /** Every chain with records, a head or a purge mark, sorted. */
    public List<String> chains() throws IOException {
        refresh();
        TreeSet<String> names = new TreeSet<>(recordChains());
        MetaScan.each(
                http,
                this.names,
                LogIndex.KIND_HEAD,
                "chain",
                source -> names.add(source.path("chain").asText()));
        MetaScan.each(
                http,
                this.names,
                LogIndex.KIND_PURGE,
                "chain",
                source -> names.add(source.path("chain").asText()));
        return new ArrayList<>(names);
    }

    /** Makes what every writer wrote so far visible to searches. */
    void refresh() throws IOException {
        http.post(names.records() + "/_refresh", null);
        http.post(names.meta() + "/_refresh?ignore_unavailable=true", null);
    }

    @Override
    public void close() {
        // the HTTP client holds nothing that outlives the process
    }

    private List<String> recordChains() throws IOException {
        List<String> chains = new ArrayList<>();
        JsonNode afterKey = null;
        while (true) {
            ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
            request.put("size", 0).put("track_total_hits", false);
            request.putObject("query").putObject("term").put("kind", LogIndex.KIND_RECORD);
            ObjectNode composite = request.putObject("aggs").putObject("chains").putObject("composite");
            composite.put("size", PAGE);
            composite
                    .putArray("sources")
                    .addObject()
                    .putObject("chain")
                    .putObject("terms")
                    .put("field", "chain");
            if (afterKey != null) {
                composite.set("after", afterKey);
            }
            JsonNode chainsAgg = http.post(names.records() + "/_search", request)
                    .path("aggregations")
                    .path("chains");
            for (JsonNode bucket : chainsAgg.path("buckets")) {
                chains.add(bucket.path("key").path("chain").asText());
            }
            afterKey = chainsAgg.get("after_key");
            if (afterKey == null || chainsAgg.path("buckets").size() < PAGE) {
                return chains;
            }
        }
    }

    private static ObjectNode page(ObjectNode query, int size, JsonNode searchAfter) {
        ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
        request.put("size", size).put("track_total_hits", false);
        request.set("query", query);
        if (searchAfter != null) {
            request.set("search_after", searchAfter);
        }
        request.putArray("_source")
                .add("audit_data")
                .add("record_id")
                .add("time")
                .add("record_type")
                .add("operation")
                .add("user_id_stored")
                .add("seq");
        return request;
    }

    private static FoundRecord found(JsonNode source) {
        return new FoundRecord(
                source.path("audit_data").asText(),
                source.path("record_id").asText(),
                LogIndex.time(source),
                source.path("record_type").asInt(),
                source.path("operation").asText(),
                source.hasNonNull("user_id_stored")
                        ? source.path("user_id_stored").asText()
                        : null,
                source.path("seq").asLong());
    }
}
