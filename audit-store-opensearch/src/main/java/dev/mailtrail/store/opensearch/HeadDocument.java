package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A chain's head document: the head its writer's last commit wrote and the one before it. A commit writes its
 * heads, then the writer's state; a crash between the two leaves heads the state does not reach ({@code at} beyond
 * the state's next sequence), and the previous head is then the committed one. So the head and the checkpoint of a
 * writer agree after a crash at any point of a commit, without a transaction across documents.
 *
 * @param previous the head before {@code current}, null when the chain had none
 */
record HeadDocument(String chain, String writer, CommittedHead current, CommittedHead previous) {

    static String id(String chain) {
        return "head:" + chain;
    }

    /** The head as of the writer's commit that reached {@code nextSequence}, if the chain had one then. */
    Optional<CommittedHead> asOf(long nextSequence) {
        if (current.at() <= nextSequence) {
            return Optional.of(current);
        }
        if (previous != null && previous.at() <= nextSequence) {
            return Optional.of(previous);
        }
        return Optional.empty();
    }

    ObjectNode json() {
        ObjectNode document = OpenSearchHttp.JSON.createObjectNode();
        document.put("kind", LogIndex.KIND_HEAD);
        document.put("chain", chain);
        document.put("writer", writer);
        current.write(document);
        if (previous != null) {
            previous.write(document.putObject("previous"));
        }
        return document;
    }

    static HeadDocument parse(JsonNode source) {
        JsonNode previous = source.path("previous");
        return new HeadDocument(
                source.path("chain").asText(),
                source.path("writer").asText(),
                CommittedHead.read(source),
                previous.isObject() ? CommittedHead.read(previous) : null);
    }

    /** The head documents of {@code chains} that exist, in one real-time multi-get. */
    static Map<String, HeadDocument> getAll(OpenSearchHttp http, LogNames names, Collection<String> chains)
            throws IOException {
        Map<String, HeadDocument> heads = new HashMap<>();
        if (chains.isEmpty()) {
            return heads;
        }
        ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
        ArrayNode ids = request.putArray("ids");
        chains.forEach(chain -> ids.add(id(chain)));
        for (JsonNode doc : http.post(names.meta() + "/_mget", request).path("docs")) {
            if (doc.path("found").asBoolean()) {
                HeadDocument head = parse(doc.path("_source"));
                heads.put(head.chain(), head);
            }
        }
        return heads;
    }

    /** The chain's head document as last written (a real-time GET: no refresh needed). */
    static Optional<HeadDocument> get(OpenSearchHttp http, LogNames names, String chain) throws IOException {
        JsonNode found = http.getIfExists(names.meta() + "/_doc/" + OpenSearchHttp.encode(id(chain)));
        if (found == null || !found.path("found").asBoolean()) {
            return Optional.empty();
        }
        return Optional.of(parse(found.path("_source")));
    }
}
