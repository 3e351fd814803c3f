package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.store.chain.ChainHead;
import java.util.Base64;

/**
 * A chain's head as one commit of its writer left it.
 *
 * @param at the writer's next sequence when that commit was made: the commit is complete once the writer's state
 *     reaches it
 */
record CommittedHead(long position, byte[] hash, long at) {

    ChainHead head() {
        return new ChainHead(position, hash);
    }

    void write(ObjectNode into) {
        into.put("position", position);
        into.put("hash", Base64.getEncoder().encodeToString(hash));
        into.put("at", at);
    }

    static CommittedHead read(JsonNode from) {
        return new CommittedHead(
                from.path("position").asLong(),
                Base64.getDecoder().decode(from.path("hash").asText()),
                from.path("at").asLong());
    }
}
