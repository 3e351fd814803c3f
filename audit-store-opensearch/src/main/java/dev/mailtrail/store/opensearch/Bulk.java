package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** One bulk request of index actions, each with its id and routing; refused items fail the whole call. */
final class Bulk {
    private final String index;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int actions;

    Bulk(String index) {
        this.index = index;
    }

    void index(String id, String routing, ObjectNode document) throws IOException {
        ObjectNode action = OpenSearchHttp.JSON.createObjectNode();
        action.putObject("index").put("_index", index).put("_id", id).put("routing", routing);
        body.write(OpenSearchHttp.JSON.writeValueAsBytes(action));
        body.write('\n');
        body.write(OpenSearchHttp.JSON.writeValueAsBytes(document));
        body.write('\n');
        actions++;
    }

    void send(OpenSearchHttp http) throws IOException {
        if (actions == 0) {
            return;
        }
        JsonNode answer = http.bulk("_bulk", body.toByteArray());
        if (answer.path("errors").asBoolean()) {
            for (JsonNode item : answer.path("items")) {
                JsonNode error = item.path("index").path("error");
                if (!error.isMissingNode()) {
                    throw new IOException("OpenSearch refused document "
                            + item.path("index").path("_id").asText()
                            + " of " + index + ": " + error.path("type").asText() + ": "
                            + error.path("reason").asText());
                }
            }
            throw new IOException("OpenSearch refused part of a bulk request to " + index);
        }
    }
}
