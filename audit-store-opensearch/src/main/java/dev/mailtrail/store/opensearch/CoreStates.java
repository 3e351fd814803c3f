package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The audit cores' states in one OpenSearch index (decision 0033): per writer (a journal partition) the journal
 * offset its last snapshot reaches, the records made up to it, and the core's snapshot (decision 0030). A snapshot of
 * tens of megabytes is kept as chunks of {@value #CHUNK} bytes, one document each (an OpenSearch request is capped at
 * 100 MB by default, and one huge field would be held in memory whole on every node that touches it). A save writes
 * the new generation's chunks, then the state document naming that generation, then deletes the older chunks: a
 * crash at any point leaves the last complete state loadable.
 */
public final class CoreStates {
    static final int CHUNK = 4 << 20;

    private final OpenSearchHttp http;
    private final String index;

    private CoreStates(OpenSearchHttp http, String index) {
        this.http = http;
        this.index = index;
    }

    /** The core states in {@code index} of the cluster at {@code node}, creating the index if it does not exist. */
    public static CoreStates open(URI node, String index) throws IOException {
        OpenSearchHttp http = new OpenSearchHttp(node);
        new LogNames(index);
        ObjectNode definition = OpenSearchHttp.JSON.createObjectNode();
        definition.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0);
        ObjectNode mappings = definition.putObject("mappings");
        mappings.put("dynamic", false);
        ObjectNode fields = mappings.putObject("properties");
        fields.putObject("kind").put("type", "keyword");
        fields.putObject("writer").put("type", "keyword");
        fields.putObject("generation").put("type", "long");
        http.createIndex(index, definition);
        http.get("_cluster/health/" + index + "?wait_for_status=yellow&timeout=60s");
        return new CoreStates(http, index);
    }

    /**
     * One core's state as it last saved it.
     *
     * @param offset the journal offset the snapshot reaches (Kafka: the next offset to read)
     * @param records how many records the core had made when the snapshot was taken
     */
    public record CoreState(String writer, long offset, long records, byte[] snapshot) {}

    /** Saves {@code writer}'s state in place of the one before; durable when this returns. */
    public void save(String writer, long offset, long records, byte[] snapshot) throws IOException {
        long generation =
                current(writer).map(state -> state.path("generation").asLong()).orElse(0L) + 1;
        int chunks = (snapshot.length + CHUNK - 1) / CHUNK;
        for (int chunk = 0; chunk < chunks; chunk++) {
            ObjectNode document = OpenSearchHttp.JSON.createObjectNode();
            document.put("kind", "chunk").put("writer", writer).put("generation", generation);
            byte[] part = Arrays.copyOfRange(snapshot, chunk * CHUNK, Math.min(snapshot.length, (chunk + 1) * CHUNK));
            document.put("data", Base64.getEncoder().encodeToString(part));
            http.put(index + "/_doc/" + OpenSearchHttp.encode(chunkId(writer, generation, chunk)), document);
        }
        ObjectNode state = OpenSearchHttp.JSON.createObjectNode();
        state.put("kind", "state").put("writer", writer).put("generation", generation);
        state.put("offset", offset).put("records", records).put("chunks", chunks);
        state.put("length", snapshot.length).put("sha256", sha256(snapshot));
        http.put(index + "/_doc/" + OpenSearchHttp.encode(stateId(writer)), state);
        ObjectNode older = OpenSearchHttp.JSON.createObjectNode();
        ArrayNode filter = older.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("kind", "chunk");
        filter.addObject().putObject("term").put("writer", writer);
        filter.addObject().putObject("range").putObject("generation").put("lt", generation);
        http.post(index + "/_refresh", null);
        Deletion.matching(http, index, null, (ObjectNode) older.get("query"));
    }

    /** {@code writer}'s last saved state, or empty if it never saved one. */
    public Optional<CoreState> load(String writer) throws IOException {
        Optional<JsonNode> found = current(writer);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JsonNode state = found.get();
        long generation = state.path("generation").asLong();
        int chunks = state.path("chunks").asInt();
        byte[] snapshot = new byte[state.path("length").asInt()];
        int filled = 0;
        for (int chunk = 0; chunk < chunks; chunk++) {
            String id = chunkId(writer, generation, chunk);
            JsonNode part = http.getIfExists(index + "/_doc/" + OpenSearchHttp.encode(id));
            if (part == null || !part.path("found").asBoolean()) {
                throw new IOException("the snapshot of " + writer + " in " + index + " misses chunk " + id);
            }
            byte[] bytes =
                    Base64.getDecoder().decode(part.path("_source").path("data").asText());
            System.arraycopy(bytes, 0, snapshot, filled, bytes.length);
            filled += bytes.length;
        }
        if (filled != snapshot.length
                || !sha256(snapshot).equals(state.path("sha256").asText())) {
            throw new IOException("the snapshot of " + writer + " in " + index + " does not match its checksum");
        }
        return Optional.of(new CoreState(
                writer, state.path("offset").asLong(), state.path("records").asLong(), snapshot));
    }

    private Optional<JsonNode> current(String writer) throws IOException {
        JsonNode found = http.getIfExists(index + "/_doc/" + OpenSearchHttp.encode(stateId(writer)));
        return found == null || !found.path("found").asBoolean()
                ? Optional.empty()
                : Optional.of(found.path("_source"));
    }

    private static String stateId(String writer) {
        return "state:" + writer;
    }

    private static String chunkId(String writer, long generation, int chunk) {
        return "chunk:" + writer + ":" + generation + ":" + chunk;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
