package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.store.chain.ChainHead;
import dev.mailtrail.store.chain.ChainVerifier;
import dev.mailtrail.store.chain.ChainedRecord;
import dev.mailtrail.store.chain.TamperFinding;
import dev.mailtrail.store.log.VerifyReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a log's hash chains in OpenSearch: each chain's records in position order (one shard, by the chain's
 * routing, paged with {@code search_after}) through the same {@link ChainVerifier} as the Lucene log, then its head.
 */
final class ChainWalk {
    private static final int PAGE = 1_000;

    private final OpenSearchHttp http;
    private final String index;

    ChainWalk(OpenSearchHttp http, String index) {
        this.http = http;
        this.index = index;
    }

    VerifyReport verify(List<String> chains) throws IOException {
        List<TamperFinding> findings = new ArrayList<>();
        long records = 0;
        for (String chain : chains) {
            ChainVerifier verifier = new ChainVerifier(chain, Optional.empty(), head(chain));
            walk(chain, verifier);
            verifier.finish().ifPresent(findings::add);
            records += verifier.verified();
        }
        return new VerifyReport(chains.size(), records, 0, findings, List.of());
    }

    private Optional<ChainHead> head(String chain) throws IOException {
        JsonNode head = http.getIfExists(index + "/_doc/" + OpenSearchHttp.encode(LogIndex.headId(chain)) + "?routing="
                + OpenSearchHttp.encode(chain));
        if (head == null || !head.path("found").asBoolean()) {
            return Optional.empty();
        }
        JsonNode source = head.path("_source");
        return Optional.of(new ChainHead(
                source.path("position").asLong(),
                Base64.getDecoder().decode(source.path("hash").asText())));
    }

    private void walk(String chain, ChainVerifier verifier) throws IOException {
        JsonNode searchAfter = null;
        while (true) {
            ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
            request.put("size", PAGE).put("track_total_hits", false);
            ArrayNode filter = request.putObject("query").putObject("bool").putArray("filter");
            filter.addObject().putObject("term").put("kind", LogIndex.KIND_RECORD);
            filter.addObject().putObject("term").put("chain", chain);
            request.putArray("sort").addObject().put("position", "asc");
            request.putArray("_source")
                    .add("position")
                    .add("previous_hash")
                    .add("hash")
                    .add("audit_data");
            if (searchAfter != null) {
                request.set("search_after", searchAfter);
            }
            JsonNode hits = http.post(index + "/_search", request).path("hits").path("hits");
            for (JsonNode hit : hits) {
                JsonNode link = hit.path("_source");
                verifier.accept(new ChainedRecord(
                        link.path("position").asLong(),
                        Base64.getDecoder().decode(link.path("previous_hash").asText()),
                        Base64.getDecoder().decode(link.path("hash").asText()),
                        link.path("audit_data").asText().getBytes(StandardCharsets.UTF_8)));
                searchAfter = hit.path("sort");
            }
            if (hits.size() < PAGE) {
                return;
            }
        }
    }
}
