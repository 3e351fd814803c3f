package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.store.chain.PurgeMark;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** A chain's purge mark as a meta document: the last retention purge's trace (docs/tamper-evidence.md). */
final class PurgeMarkDocument {
    private PurgeMarkDocument() {}

    static String id(String chain) {
        return "purge:" + chain;
    }

    static ObjectNode json(PurgeMark mark) {
        ObjectNode document = OpenSearchHttp.JSON.createObjectNode();
        document.put("kind", LogIndex.KIND_PURGE);
        document.put("chain", mark.chain());
        document.put("through", mark.throughPosition());
        document.put("hash", Base64.getEncoder().encodeToString(mark.lastPurgedHash()));
        document.put("policy", mark.policy());
        document.put("purged_at", mark.purgedAt().toString());
        return document;
    }

    static PurgeMark parse(JsonNode source) {
        return new PurgeMark(
                source.path("chain").asText(),
                source.path("through").asLong(),
                Base64.getDecoder().decode(source.path("hash").asText()),
                source.path("policy").asText(),
                Instant.parse(source.path("purged_at").asText()));
    }

    static Optional<PurgeMark> get(OpenSearchHttp http, LogNames names, String chain) throws IOException {
        JsonNode found = http.getIfExists(names.meta() + "/_doc/" + OpenSearchHttp.encode(id(chain)));
        if (found == null || !found.path("found").asBoolean()) {
            return Optional.empty();
        }
        return Optional.of(parse(found.path("_source")));
    }

    static void put(OpenSearchHttp http, LogNames names, PurgeMark mark) throws IOException {
        http.put(names.meta() + "/_doc/" + OpenSearchHttp.encode(id(mark.chain())), json(mark));
    }
}
