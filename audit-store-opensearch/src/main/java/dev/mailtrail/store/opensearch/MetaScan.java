package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Reads every meta document of one kind, in pages, as the meta index's last refresh holds them. */
final class MetaScan {
    private static final int PAGE = 1_000;

    private MetaScan() {}

    @FunctionalInterface
    interface SourceVisitor {
        void visit(JsonNode source) throws IOException;
    }

    /** @param key the field that names each document of the kind uniquely ({@code writer} or {@code chain}) */
    static void each(OpenSearchHttp http, LogNames names, String kind, String key, SourceVisitor visitor)
            throws IOException {
        each(http, names, kind, key, null, visitor);
    }

    /** As {@link #each(OpenSearchHttp, LogNames, String, String, SourceVisitor)}, one writer's documents only. */
    static void each(OpenSearchHttp http, LogNames names, String kind, String key, String writer, SourceVisitor visitor)
            throws IOException {
        JsonNode searchAfter = null;
        while (true) {
            ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
            request.put("size", PAGE).put("track_total_hits", false);
            var filter = request.putObject("query").putObject("bool").putArray("filter");
            filter.addObject().putObject("term").put("kind", kind);
            if (writer != null) {
                filter.addObject().putObject("term").put("writer", writer);
            }
            request.putArray("sort").addObject().put(key, "asc");
            if (searchAfter != null) {
                request.set("search_after", searchAfter);
            }
            JsonNode hits = http.post(names.meta() + "/_search?ignore_unavailable=true", request)
                    .path("hits")
                    .path("hits");
            for (JsonNode hit : hits) {
                visitor.visit(hit.path("_source"));
                searchAfter = hit.path("sort");
            }
            if (hits.size() < PAGE) {
                return;
            }
        }
    }
}
