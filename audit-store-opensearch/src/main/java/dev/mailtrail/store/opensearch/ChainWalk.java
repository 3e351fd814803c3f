package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.store.chain.ChainVerifier;
import dev.mailtrail.store.chain.ChainedRecord;
import dev.mailtrail.store.chain.PurgeMark;
import dev.mailtrail.store.chain.TamperFinding;
import dev.mailtrail.store.log.VerifyReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a log's hash chains in OpenSearch: each chain's records in position order (paged with
 * {@code search_after}, one shard for a mailbox's chain) through the same {@link ChainVerifier} as the Lucene log,
 * from its purge mark to its head. Only committed records are walked: a writer's records at or after the
 * sequence its state reaches belong to a commit under way (or one a crash cut short, to be written again), as
 * the Lucene log's searchers see only its last commit.
 */
final class ChainWalk {
    private static final int PAGE = 1_000;

    private final OpenSearchHttp http;
    private final LogNames names;

    ChainWalk(OpenSearchHttp http, LogNames names) {
        this.http = http;
        this.names = names;
    }

    /** Verifies {@code chains}; the meta and record indexes must have been refreshed just before. */
    VerifyReport verify(List<String> chains) throws IOException {
        // states before heads: a head written after the states were read is recognised as ahead of its state
        Map<String, WriterState> states = WriterState.all(http, names);
        Map<String, HeadDocument> heads = new HashMap<>();
        MetaScan.each(http, names, LogIndex.KIND_HEAD, "chain", source -> {
            HeadDocument head = HeadDocument.parse(source);
            heads.put(head.chain(), head);
        });
        Map<String, PurgeMark> marks = new HashMap<>();
        MetaScan.each(http, names, LogIndex.KIND_PURGE, "chain", source -> {
            PurgeMark mark = PurgeMarkDocument.parse(source);
            marks.put(mark.chain(), mark);
        });
        List<TamperFinding> findings = new ArrayList<>();
        List<String> corruption = new ArrayList<>();
        long records = 0;
        for (String chain : chains) {
            Optional<PurgeMark> mark = Optional.ofNullable(marks.get(chain));
            HeadDocument document = heads.get(chain);
            Optional<CommittedHead> head = Optional.empty();
            ObjectNode committed;
            if (document != null) {
                long reached = reachOf(states, document.writer());
                head = document.asOf(reached);
                committed = committedBefore(
                        document.writer(), head.map(CommittedHead::at).orElse(reached));
            } else {
                committed = committedOnly(states);
            }
            ChainVerifier verifier = new ChainVerifier(chain, mark, head.map(CommittedHead::head));
            try {
                walk(chain, mark.map(PurgeMark::throughPosition).orElse(0L), committed, verifier);
            } catch (OpenSearchHttp.ShardsFailedException e) {
                // the engine could not read a shard: reported as the Lucene log reports a segment that fails its
                // checksum, and the chain is not judged on part of its records
                corruption.add(chain + ": " + e.getMessage());
                continue;
            }
            Optional<TamperFinding> finding = verifier.finish();
            if (finding.isPresent()) {
                findings.add(named(finding.get()));
            }
            records += verifier.verified();
        }
        return new VerifyReport(chains.size(), records, marks.size(), findings, corruption);
    }

    private static long reachOf(Map<String, WriterState> states, String writer) {
        WriterState state = states.get(writer);
        return state == null ? 1 : state.nextSequence();
    }

    /** Leaves out the writer's records from {@code next} on: later commits', or those not committed. */
    private static ObjectNode committedBefore(String writer, long next) {
        ObjectNode clause = OpenSearchHttp.JSON.createObjectNode();
        ArrayNode filter = clause.putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("writer", writer);
        filter.addObject().putObject("range").putObject("wseq").put("gte", next);
        ObjectNode not = OpenSearchHttp.JSON.createObjectNode();
        not.putObject("bool").putArray("must_not").add(clause);
        return not;
    }

    /** For a chain without a head: only records some writer's state says are committed. */
    private static ObjectNode committedOnly(Map<String, WriterState> states) {
        ObjectNode any = OpenSearchHttp.JSON.createObjectNode();
        ArrayNode should = any.putObject("bool").putArray("should");
        for (WriterState state : states.values()) {
            ArrayNode filter = should.addObject().putObject("bool").putArray("filter");
            filter.addObject().putObject("term").put("writer", state.writer());
            filter.addObject().putObject("range").putObject("wseq").put("lt", state.nextSequence());
        }
        any.with("bool").put("minimum_should_match", 1);
        return any;
    }

    private void walk(String chain, long purgedThrough, ObjectNode committed, ChainVerifier verifier)
            throws IOException {
        String routing = routing(chain);
        String path =
                names.records() + "/_search" + (routing == null ? "" : "?routing=" + OpenSearchHttp.encode(routing));
        JsonNode searchAfter = null;
        while (true) {
            ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
            request.put("size", PAGE).put("track_total_hits", false);
            ArrayNode filter = request.putObject("query").putObject("bool").putArray("filter");
            filter.addObject().putObject("term").put("chain", chain);
            // records a purge marked but did not get to delete (a crash between the two) are gone by retention
            filter.addObject().putObject("range").putObject("position").put("gt", purgedThrough);
            filter.add(committed);
            ArrayNode sort = request.putArray("sort");
            sort.addObject().put("position", "asc");
            sort.addObject().put("seq", "asc");
            request.putArray("_source")
                    .add("position")
                    .add("previous_hash")
                    .add("hash")
                    .add("audit_data");
            if (searchAfter != null) {
                request.set("search_after", searchAfter);
            }
            JsonNode hits = http.post(path, request).path("hits").path("hits");
            for (JsonNode hit : hits) {
                JsonNode link = hit.path("_source");
                boolean going = verifier.accept(new ChainedRecord(
                        link.path("position").asLong(),
                        Base64.getDecoder().decode(link.path("previous_hash").asText()),
                        Base64.getDecoder().decode(link.path("hash").asText()),
                        link.path("audit_data").asText().getBytes(StandardCharsets.UTF_8)));
                if (!going) {
                    return;
                }
                searchAfter = hit.path("sort");
            }
            if (hits.size() < PAGE) {
                return;
            }
        }
    }

    /** A finding with the Id of the record at its position, when one is there, as {@code mt verify} names it. */
    private TamperFinding named(TamperFinding finding) throws IOException {
        String routing = routing(finding.chain());
        ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
        request.put("size", 1).put("track_total_hits", false);
        ArrayNode filter = request.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("chain", finding.chain());
        filter.addObject().putObject("term").put("position", finding.position());
        request.putArray("_source").add("record_id");
        JsonNode hits = http.post(
                        names.records() + "/_search"
                                + (routing == null ? "" : "?routing=" + OpenSearchHttp.encode(routing)),
                        request)
                .path("hits")
                .path("hits");
        if (hits.isEmpty()) {
            return finding;
        }
        JsonNode hit = hits.get(0);
        return new TamperFinding(
                finding.kind(),
                finding.chain(),
                finding.position(),
                finding.detail() + " (record "
                        + hit.path("_source").path("record_id").asText() + ", document "
                        + hit.path("_id").asText() + " in " + hit.path("_index").asText() + ")");
    }

    /** Records are routed by mailbox: a mailbox's chain is on one shard, the unified chains on all. */
    static String routing(String chain) {
        return chain.startsWith("mailbox:") ? chain : null;
    }
}
