package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.store.chain.ChainedRecord;
import dev.mailtrail.store.chain.RecordChain;
import dev.mailtrail.store.log.AuditLogStore;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.Checkpoint;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.RecordQuery;
import dev.mailtrail.store.log.ResultPosition;
import dev.mailtrail.store.log.StoredRecord;
import dev.mailtrail.store.log.VerifyReport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An audit log in one OpenSearch index (decision 0032): one document per record, routed by its mailbox so that a
 * mailbox's records share a shard and its searches ask only that shard; hash chains per {@link ChainScheme} as in
 * the Lucene log, each chain's head and the store's checkpoint as documents of their own. Appends go to OpenSearch
 * at once in one bulk request (durable when answered: the translog is fsynced per request); {@link #commit} writes
 * the heads and the checkpoint the same way and refreshes, so searches see what the last commit or refresh holds.
 * One writer per index, as with the Lucene log.
 */
public final class OpenSearchAuditLog implements AuditLogStore {
    private static final int PAGE = 1_000;
    private static final String STATE_ROUTING = "state";

    private final OpenSearchHttp http;
    private final String index;
    private final ChainScheme scheme;
    private final Map<String, RecordChain> chains = new HashMap<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private long nextSequence;
    private Checkpoint checkpoint;

    private OpenSearchAuditLog(OpenSearchHttp http, String index, ChainScheme scheme) throws IOException {
        this.http = http;
        this.index = index;
        this.scheme = scheme;
        JsonNode state = http.getIfExists(index + "/_doc/" + LogIndex.STATE_ID + "?routing=" + STATE_ROUTING);
        JsonNode source = state == null ? OpenSearchHttp.JSON.createObjectNode() : state.path("_source");
        this.nextSequence = source.path("next_sequence").asLong(1);
        this.checkpoint = new Checkpoint(
                source.path("journal_sequence").asLong(0),
                source.path("records").asLong(0));
        loadHeads();
    }

    /**
     * Opens the log in {@code index} of the cluster at {@code node} for writing, creating the index (two shards, no
     * replica) if it does not exist yet.
     */
    public static OpenSearchAuditLog open(URI node, String index, ChainScheme scheme) throws IOException {
        OpenSearchHttp http = new OpenSearchHttp(node);
        if (http.getIfExists(index) == null) {
            http.put(index, LogIndex.definition(2, 0));
            http.get("_cluster/health/" + index + "?wait_for_status=yellow&timeout=60s");
        }
        return new OpenSearchAuditLog(http, index, scheme);
    }

    @Override
    public void appendStored(List<StoredRecord> records) throws IOException {
        Bulk bulk = new Bulk(index);
        for (StoredRecord stored : records) {
            String chain = scheme.chainOf(stored.record());
            RecordChain links = chains.computeIfAbsent(chain, RecordChain::start);
            ChainedRecord link = links.append(stored.auditData().getBytes(StandardCharsets.UTF_8));
            long sequence = nextSequence++;
            bulk.index(
                    Long.toString(sequence),
                    ChainScheme.PER_MAILBOX.chainOf(stored.record()),
                    LogIndex.record(stored.record(), stored.auditData(), sequence, chain, link));
            touched.add(chain);
        }
        bulk.send(http);
    }

    @Override
    public void commit(Checkpoint reached) throws IOException {
        Bulk bulk = new Bulk(index);
        for (String chain : touched) {
            RecordChain links = chains.get(chain);
            bulk.index(LogIndex.headId(chain), chain, LogIndex.head(chain, links.lastPosition(), links.lastHash()));
        }
        bulk.index(
                LogIndex.STATE_ID,
                STATE_ROUTING,
                LogIndex.state(nextSequence, reached.journalSequence(), reached.records()));
        bulk.send(http);
        touched.clear();
        checkpoint = reached;
        refresh();
    }

    @Override
    public Checkpoint checkpoint() {
        return checkpoint;
    }

    @Override
    public void refresh() throws IOException {
        http.post(index + "/_refresh", null);
    }

    @Override
    public long search(RecordQuery query, long limit, Predicate<FoundRecord> visitor) throws IOException {
        return search(query, null, limit, visitor);
    }

    @Override
    public long search(RecordQuery query, ResultPosition after, long limit, Predicate<FoundRecord> visitor)
            throws IOException {
        String routing = LogQueries.routing(query);
        String path = index + "/_search" + (routing == null ? "" : "?routing=" + OpenSearchHttp.encode(routing));
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
        return http.post(index + "/_count", request).path("count").asLong();
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
        for (JsonNode bucket : http.post(index + "/_search", request)
                .path("aggregations")
                .path("operations")
                .path("buckets")) {
            counts.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
        }
        return counts;
    }

    @Override
    public long export(Predicate<FoundRecord> visitor) throws IOException {
        ObjectNode all = OpenSearchHttp.JSON.createObjectNode();
        all.putObject("term").put("kind", LogIndex.KIND_RECORD);
        JsonNode searchAfter = null;
        long visited = 0;
        while (true) {
            ObjectNode request = page(all, PAGE, searchAfter);
            request.putArray("sort").addObject().put("seq", "asc");
            JsonNode hits = http.post(index + "/_search", request).path("hits").path("hits");
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

    @Override
    public VerifyReport verify() throws IOException {
        refresh();
        return new ChainWalk(http, index).verify(chains());
    }

    @Override
    public long purge(String chain, Instant cutoff, String policy, Instant now) {
        throw new UnsupportedOperationException("purging a log in OpenSearch (" + index + ") is not built yet");
    }

    @Override
    public List<String> chains() throws IOException {
        List<String> names = new ArrayList<>();
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
            JsonNode chainsAgg =
                    http.post(index + "/_search", request).path("aggregations").path("chains");
            for (JsonNode bucket : chainsAgg.path("buckets")) {
                names.add(bucket.path("key").path("chain").asText());
            }
            afterKey = chainsAgg.get("after_key");
            if (afterKey == null || chainsAgg.path("buckets").size() < PAGE) {
                return names;
            }
        }
    }

    @Override
    public void close() {
        // the HTTP client holds no resource that outlives the process; what is not committed is rebuilt from the
        // journal, as with the Lucene log's rollback on close
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

    private void loadHeads() throws IOException {
        JsonNode searchAfter = null;
        while (true) {
            ObjectNode heads = OpenSearchHttp.JSON.createObjectNode();
            heads.putObject("term").put("kind", LogIndex.KIND_HEAD);
            ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
            request.put("size", PAGE).put("track_total_hits", false);
            request.set("query", heads);
            request.putArray("sort").addObject().put("chain", "asc");
            if (searchAfter != null) {
                request.set("search_after", searchAfter);
            }
            JsonNode hits = http.post(index + "/_search", request).path("hits").path("hits");
            for (JsonNode hit : hits) {
                JsonNode head = hit.path("_source");
                chains.put(
                        head.path("chain").asText(),
                        RecordChain.resume(
                                head.path("position").asLong(),
                                Base64.getDecoder().decode(head.path("hash").asText())));
                searchAfter = hit.path("sort");
            }
            if (hits.size() < PAGE) {
                return;
            }
        }
    }
}
