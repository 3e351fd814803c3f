package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.store.log.Checkpoint;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One writer's committed state, a document of its own in the meta index: its number among the log's writers, the
 * sequence its next record takes, and the checkpoint it reached. The state document is written last in a commit:
 * heads written before it that it does not reach are recognised by their {@code at} (see {@link HeadDocument}).
 *
 * @param nextSequence the writer's sequence of the first record not committed (1 before the first commit)
 */
record WriterState(String writer, int ordinal, long nextSequence, Checkpoint checkpoint) {

    static String id(String writer) {
        return "state:" + writer;
    }

    /** The writer's state, or a new one with a number no other writer of the log has. */
    static WriterState open(OpenSearchHttp http, LogNames names, String writer) throws IOException {
        Optional<WriterState> stored = find(http, names, writer);
        if (stored.isPresent()) {
            return stored.get();
        }
        return new WriterState(writer, takeOrdinal(http, names, writer), 1, Checkpoint.EMPTY);
    }

    static Optional<WriterState> find(OpenSearchHttp http, LogNames names, String writer) throws IOException {
        JsonNode found = http.getIfExists(names.meta() + "/_doc/" + OpenSearchHttp.encode(id(writer)));
        if (found == null || !found.path("found").asBoolean()) {
            return Optional.empty();
        }
        return Optional.of(parse(found.path("_source")));
    }

    /** Every writer's state as the meta index's last refresh holds them. */
    static Map<String, WriterState> all(OpenSearchHttp http, LogNames names) throws IOException {
        Map<String, WriterState> states = new HashMap<>();
        MetaScan.each(http, names, LogIndex.KIND_STATE, "writer", source -> {
            WriterState state = parse(source);
            states.put(state.writer(), state);
        });
        return states;
    }

    void save(OpenSearchHttp http, LogNames names) throws IOException {
        ObjectNode document = OpenSearchHttp.JSON.createObjectNode();
        document.put("kind", LogIndex.KIND_STATE);
        document.put("writer", writer);
        document.put("ordinal", ordinal);
        document.put("next_sequence", nextSequence);
        document.put("journal_sequence", checkpoint.journalSequence());
        document.put("records", checkpoint.records());
        http.put(names.meta() + "/_doc/" + OpenSearchHttp.encode(id(writer)), document);
    }

    private static WriterState parse(JsonNode source) {
        return new WriterState(
                source.path("writer").asText(),
                source.path("ordinal").asInt(),
                source.path("next_sequence").asLong(1),
                new Checkpoint(
                        source.path("journal_sequence").asLong(0),
                        source.path("records").asLong(0)));
    }

    /**
     * Takes the lowest free writer number: {@code ordinal:N} documents made with {@code _create}, which only one
     * writer can win, so that two writers opening at once never share a number.
     */
    private static int takeOrdinal(OpenSearchHttp http, LogNames names, String writer) throws IOException {
        for (int ordinal = 0; ordinal < WriterSequence.MAX_WRITERS; ordinal++) {
            String id = "ordinal:" + ordinal;
            JsonNode taken = http.getIfExists(names.meta() + "/_doc/" + OpenSearchHttp.encode(id));
            if (taken == null || !taken.path("found").asBoolean()) {
                ObjectNode claim = OpenSearchHttp.JSON.createObjectNode();
                claim.put("kind", LogIndex.KIND_ORDINAL).put("writer", writer);
                if (http.createDocument(names.meta(), id, claim)) {
                    return ordinal;
                }
                taken = http.get(names.meta() + "/_doc/" + OpenSearchHttp.encode(id));
            }
            if (taken.path("_source").path("writer").asText().equals(writer)) {
                return ordinal;
            }
        }
        throw new IOException(names.log() + " has " + WriterSequence.MAX_WRITERS + " writers: no number is left");
    }
}
