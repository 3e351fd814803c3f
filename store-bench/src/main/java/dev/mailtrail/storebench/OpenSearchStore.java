package dev.mailtrail.storebench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.searchnode.SearchEngine;
import dev.mailtrail.searchnode.SearchNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenSearch, a node of its own: one index of two shards, each record routed by its mailbox ({@code routing}), the
 * search columns as keywords and longs (doc values), AuditData kept only in {@code _source}. A bulk request per
 * batch, durable when answered (the translog is fsynced per request, OpenSearch's default); searches see what the
 * last refresh (every second) holds.
 */
final class OpenSearchStore implements AuditStore {
    private static final String INDEX = "audit";
    private static final String MAPPING = """
            {"settings": {"number_of_shards": 2, "number_of_replicas": 0},
             "mappings": {"dynamic": "strict", "properties": {
               "seq": {"type": "long"},
               "time": {"type": "long"},
               "recordType": {"type": "integer"},
               "operation": {"type": "keyword"},
               "userId": {"type": "keyword"},
               "mailbox": {"type": "keyword"},
               "clientIp": {"type": "keyword"},
               "sessionId": {"type": "keyword"},
               "messageIds": {"type": "keyword"},
               "auditData": {"type": "keyword", "index": false, "doc_values": false}}}}
            """;

    private final boolean storedFields;
    private final SearchNode node;
    private final NodeFacts facts;
    private final EngineHttp http;

    /**
     * @param storedFields whether seq and AuditData are also stored fields that searches fetch instead of filtering
     *     {@code _source} (which parses each hit's whole source)
     */
    OpenSearchStore(Path dir, boolean storedFields) throws IOException {
        this.storedFields = storedFields;
        this.node = SearchNode.start(SearchEngine.OPENSEARCH, dir);
        this.http = new EngineHttp(node.baseUrl());
        http.put(
                INDEX,
                storedFields
                        ? MAPPING.replace(
                                        "\"seq\": {\"type\": \"long\"}",
                                        "\"seq\": {\"type\": \"long\", \"store\": true}")
                                .replace("\"doc_values\": false}", "\"doc_values\": false, \"store\": true}")
                        : MAPPING);
        http.get("_cluster/health/" + INDEX + "?wait_for_status=green&timeout=60s");
        this.facts = new NodeFacts(node);
    }

    @Override
    public void append(List<BenchRecord> batch) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(batch.size() * 1_600);
        for (BenchRecord record : batch) {
            ObjectNode action = EngineHttp.JSON.createObjectNode();
            action.putObject("index")
                    .put("_index", INDEX)
                    .put("_id", Long.toString(record.seq()))
                    .put("routing", record.mailbox());
            body.write(EngineHttp.JSON.writeValueAsBytes(action));
            body.write('\n');
            body.write(EngineHttp.JSON.writeValueAsBytes(document(record)));
            body.write('\n');
        }
        JsonNode answer = http.post("_bulk", "application/x-ndjson", body.toByteArray());
        if (answer.path("errors").asBoolean()) {
            throw new IOException("OpenSearch refused part of a bulk request: "
                    + answer.path("items").toString().substring(0, 2_000));
        }
    }

    static ObjectNode document(BenchRecord record) {
        ObjectNode document = EngineHttp.JSON.createObjectNode();
        document.put("seq", record.seq());
        document.put("time", record.creationTime());
        document.put("recordType", record.recordType());
        document.put("operation", record.operation());
        document.put("userId", record.userId());
        document.put("mailbox", record.mailbox());
        document.put("clientIp", record.clientIp());
        document.put("sessionId", record.sessionId());
        ArrayNode ids = document.putArray("messageIds");
        record.messageIds().forEach(ids::add);
        document.put("auditData", record.auditData());
        return document;
    }

    @Override
    public void finishIngest() throws IOException {
        http.post(INDEX + "/_refresh", "application/json", new byte[0]);
        http.post(INDEX + "/_flush", "application/json", new byte[0]);
        facts.afterIngest();
    }

    @Override
    public boolean compact() throws IOException {
        http.post(INDEX + "/_forcemerge?max_num_segments=1", "application/json", new byte[0]);
        http.post(INDEX + "/_refresh", "application/json", new byte[0]);
        return true;
    }

    @Override
    public List<Hit> newestOfMailbox(String mailbox, long from, long to, int limit) throws IOException {
        ObjectNode search = EngineHttp.JSON.createObjectNode();
        search.put("size", limit).put("track_total_hits", false);
        ArrayNode filter = search.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("mailbox", mailbox);
        filter.addObject().putObject("range").putObject("time").put("gte", from).put("lt", to);
        ArrayNode sort = search.putArray("sort");
        sort.addObject().put("time", "desc");
        sort.addObject().put("seq", "desc");
        fields(search);
        return hits(http.postJson(INDEX + "/_search?routing=" + encode(mailbox), search));
    }

    @Override
    public Map<String, Long> countByOperation(long from, long to) throws IOException {
        ObjectNode search = EngineHttp.JSON.createObjectNode();
        search.put("size", 0).put("track_total_hits", false);
        search.putObject("query")
                .putObject("range")
                .putObject("time")
                .put("gte", from)
                .put("lt", to);
        search.putObject("aggs")
                .putObject("operations")
                .putObject("terms")
                .put("field", "operation")
                .put("size", 1_000);
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode bucket : http.postJson(INDEX + "/_search", search)
                .path("aggregations")
                .path("operations")
                .path("buckets")) {
            counts.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
        }
        return counts;
    }

    @Override
    public List<Hit> findMessageId(String messageId, Lookup lookup) throws IOException {
        ObjectNode search = EngineHttp.JSON.createObjectNode();
        search.put("size", 10_000).put("track_total_hits", false);
        search.putObject("query").putObject("term").put("messageIds", messageId);
        search.putArray("sort").addObject().put("seq", "asc");
        fields(search);
        return hits(http.postJson(INDEX + "/_search", search));
    }

    private void fields(ObjectNode search) {
        if (storedFields) {
            search.put("_source", false);
            search.putArray("stored_fields").add("seq").add("auditData");
        } else {
            search.putArray("_source").add("seq").add("auditData");
        }
    }

    private static List<Hit> hits(JsonNode answer) {
        List<Hit> hits = new ArrayList<>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            if (hit.has("fields")) {
                JsonNode fields = hit.path("fields");
                hits.add(new Hit(
                        fields.path("seq").path(0).asLong(),
                        fields.path("auditData").path(0).asText()));
                continue;
            }
            JsonNode source = hit.path("_source");
            hits.add(new Hit(
                    source.path("seq").asLong(), source.path("auditData").asText()));
        }
        return hits;
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public Set<Lookup> lookups() {
        return Set.of(Lookup.INDEXED);
    }

    @Override
    public void close() {
        facts.beforeStop();
        node.close();
    }
}
