package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * One bulk request of index actions, each with its index, id and routing; refused items fail the whole call. An
 * index action with an id that exists replaces the document: writing the same record again is idempotent.
 */
final class Bulk {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int actions;

    void index(String index, String id, String routing, ObjectNode document) throws IOException {
        ObjectNode action = OpenSearchHttp.JSON.createObjectNode();
        ObjectNode target = action.putObject("index").put("_index", index).put("_id", id);
        if (routing != null) {
            target.put("routing", routing);
        }
        body.write(OpenSearchHttp.JSON.writeValueAsBytes(action));
        body.write('\n');
        body.write(OpenSearchHttp.JSON.writeValueAsBytes(document));
        body.write('\n');
        actions++;
    }

    void delete(String index, String id, String routing) throws IOException {
        ObjectNode action = OpenSearchHttp.JSON.createObjectNode();
        ObjectNode target = action.putObject("delete").put("_index", index).put("_id", id);
        if (routing != null) {
            target.put("routing", routing);
        }
        body.write(OpenSearchHttp.JSON.writeValueAsBytes(action));
        body.write('\n');
        actions++;
    }

    int actions() {
        return actions;
    }

    void send(OpenSearchHttp http) throws IOException {
        if (actions == 0) {
            return;
        }
        JsonNode answer = http.bulk("_bulk", body.toByteArray());
        if (answer.path("errors").asBoolean()) {
            for (JsonNode item : answer.path("items")) {
                JsonNode result = item.has("index") ? item.path("index") : item.path("delete");
                JsonNode error = result.path("error");
                if (!error.isMissingNode()) {
                    throw new IOException("OpenSearch refused document "
                            + result.path("_id").asText()
                            + " of " + result.path("_index").asText() + ": "
                            + error.path("type").asText() + ": "
                            + error.path("reason").asText());
                }
            }
            throw new IOException("OpenSearch refused part of a bulk request");
        }
    }
}
