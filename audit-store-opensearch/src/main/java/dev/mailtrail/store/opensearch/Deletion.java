package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Deletes the documents a query matches: found in pages, deleted by id in bulk requests, refreshed. This is what
 * {@code _delete_by_query} does inside the node, done from here because that endpoint lives in the {@code reindex}
 * module, which a cluster may lack (the test node does not load it).
 */
final class Deletion {
    private static final int PAGE = 1_000;

    private Deletion() {}

    /** @return how many documents were deleted */
    static long matching(OpenSearchHttp http, String indexes, String routing, ObjectNode query) throws IOException {
        String path = indexes + "/_search" + (routing == null ? "" : "?routing=" + OpenSearchHttp.encode(routing));
        long deleted = 0;
        while (true) {
            ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
            request.put("size", PAGE).put("track_total_hits", false).put("_source", false);
            request.set("query", query);
            JsonNode hits = http.post(path, request).path("hits").path("hits");
            Bulk bulk = new Bulk();
            for (JsonNode hit : hits) {
                String hitRouting =
                        hit.hasNonNull("_routing") ? hit.path("_routing").asText() : null;
                bulk.delete(hit.path("_index").asText(), hit.path("_id").asText(), hitRouting);
            }
            bulk.send(http);
            deleted += bulk.actions();
            if (bulk.actions() > 0) {
                // the deleted documents leave the next search's answer once refreshed
                http.post(indexes + "/_refresh", null);
            }
            if (hits.size() < PAGE) {
                return deleted;
            }
        }
    }
}
