package dev.mailtrail.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.store.log.ChainScheme;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The three searches over every writer's index of a log at once ({@code PREFIX-mailbox-*}), in the query DSL that
 * {@code OpenSearchAuditLog} sends for one index (its {@code LogQueries}), so that the records of all partitions are
 * searched as one log; the whole answer is parsed, as the store's client does. Also the operator's view of the
 * indexes: document counts and bytes on disk.
 */
final class ClusterSearch {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1_000;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String mailboxIndexes;
    private final String unifiedIndexes;

    ClusterSearch(URI base, String prefix) {
        this.base = base;
        this.mailboxIndexes = prefix + "-mailbox-*";
        this.unifiedIndexes = prefix + "-unified-*";
    }

    /** Q1: a mailbox's newest {@code size} records in [from, to), newest first; only its shards are asked. */
    int mailboxPage(String mailbox, Instant from, Instant to, int size) throws IOException {
        ObjectNode request = JSON.createObjectNode();
        request.put("size", size).put("track_total_hits", false);
        ArrayNode filter = records(request, from, to);
        filter.addObject().putObject("terms").putArray("mailbox").add(mailbox.toLowerCase(Locale.ROOT));
        sortNewestFirst(request);
        source(request);
        String routing = URLEncoder.encode(ChainScheme.mailboxChain(mailbox), StandardCharsets.UTF_8);
        return post(mailboxIndexes + "/_search?routing=" + routing, request)
                .path("hits")
                .path("hits")
                .size();
    }

    /** Q2: the count of records per Operation in [from, to), over the whole organisation. */
    int countByOperation(Instant from, Instant to) throws IOException {
        ObjectNode request = JSON.createObjectNode();
        request.put("size", 0).put("track_total_hits", false);
        records(request, from, to);
        request.putObject("aggs")
                .putObject("operations")
                .putObject("terms")
                .put("field", "operation")
                .put("size", 10_000);
        return post(unifiedIndexes + "/_search", request)
                .path("aggregations")
                .path("operations")
                .path("buckets")
                .size();
    }

    /** Q3: every record holding this InternetMessageId (FreeText: the exact term or the phrase), newest first. */
    int messageId(String id, Instant to) throws IOException {
        int found = 0;
        JsonNode searchAfter = null;
        while (true) {
            ObjectNode request = JSON.createObjectNode();
            request.put("size", PAGE).put("track_total_hits", false);
            ArrayNode filter = records(request, Instant.EPOCH, to);
            ObjectNode either = filter.addObject().putObject("bool");
            ArrayNode should = either.putArray("should");
            should.addObject().putObject("term").put("terms", id.strip().toLowerCase(Locale.ROOT));
            should.addObject().putObject("match_phrase").put("words", id);
            either.put("minimum_should_match", 1);
            sortNewestFirst(request);
            source(request);
            if (searchAfter != null) {
                request.set("search_after", searchAfter);
            }
            JsonNode hits =
                    post(unifiedIndexes + "/_search", request).path("hits").path("hits");
            found += hits.size();
            if (hits.size() < PAGE) {
                return found;
            }
            searchAfter = hits.get(hits.size() - 1).path("sort");
        }
    }

    /** Records (not chain heads nor state) of both logs. */
    long storedRecords() throws IOException {
        ObjectNode request = JSON.createObjectNode();
        request.putObject("query").putObject("term").put("kind", "record");
        return post(mailboxIndexes + "/_count", request).path("count").asLong()
                + post(unifiedIndexes + "/_count", request).path("count").asLong();
    }

    /** Flushes every index of both logs (segments written, translog trimmed) and answers their primaries' bytes. */
    long storeBytes() throws IOException {
        String both = mailboxIndexes + "," + unifiedIndexes;
        post(both + "/_flush", null);
        return send("GET", both + "/_stats/store", null)
                .path("_all")
                .path("primaries")
                .path("store")
                .path("size_in_bytes")
                .asLong();
    }

    /** Each index's shards and primary bytes, for the report. */
    String shards() throws IOException {
        StringBuilder text = new StringBuilder();
        for (JsonNode index : send(
                "GET",
                "_cat/indices/" + mailboxIndexes + "," + unifiedIndexes + "?format=json&bytes=b&s=index",
                null)) {
            text.append(String.format(
                    Locale.ROOT,
                    "%s %s shards, %s docs, %,d bytes; ",
                    index.path("index").asText(),
                    index.path("pri").asText(),
                    index.path("docs.count").asText(),
                    index.path("pri.store.size").asLong()));
        }
        return text.toString();
    }

    /**
     * Merges every index of both logs down to one segment per shard, as merging does over time once writes move on
     * (monthly indexes), and answers their primaries' bytes then.
     */
    long compactedBytes() throws IOException {
        String both = mailboxIndexes + "," + unifiedIndexes;
        post(both + "/_forcemerge?max_num_segments=1", null);
        // the merged-away segments stay on disk until no searcher holds them: a refresh lets them go
        post(both + "/_refresh", null);
        return storeBytes();
    }

    void deleteIndexes() throws IOException {
        send("DELETE", mailboxIndexes + "," + unifiedIndexes + "?allow_no_indices=true", null);
    }

    private static ArrayNode records(ObjectNode request, Instant from, Instant to) {
        ArrayNode filter = request.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("kind", "record");
        ObjectNode range = filter.addObject().putObject("range").putObject("time");
        range.put("gte", from.toEpochMilli());
        range.put("lt", to.toEpochMilli());
        return filter;
    }

    private static void sortNewestFirst(ObjectNode request) {
        ArrayNode sort = request.putArray("sort");
        sort.addObject().put("time", "desc");
        sort.addObject().put("seq", "desc");
    }

    private static void source(ObjectNode request) {
        request.putArray("_source")
                .add("audit_data")
                .add("record_id")
                .add("time")
                .add("record_type")
                .add("operation")
                .add("user_id_stored")
                .add("seq");
    }

    private JsonNode post(String path, ObjectNode body) throws IOException {
        return send("POST", path, body == null ? new byte[0] : JSON.writeValueAsBytes(body));
    }

    private JsonNode send(String method, String path, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for OpenSearch at " + base, e);
        }
    }
}
