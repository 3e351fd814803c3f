package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.store.chain.PurgeMark;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Retention of a whole log in whole months, the engine's own cheap way of deleting (decision 0032; Index State
 * Management would do the same by policy but is not on Maven Central): one pass marks every chain up to the start
 * of the month its limit falls in, then deletes each month index that every chain's purge mark covers entirely —
 * one call, the disk freed at once — and, in a month some chain still needs (a mailbox with a longer
 * AuditLogAgeLimit), deletes the covered chains' records one by one. Records therefore stay up to a month past their
 * limit, never less. Run by one process for the log (any writer's, or none); a pass repeated is harmless.
 */
public final class MonthlyRetention {
    private static final int PAGE = 1_000;

    private final OpenSearchHttp http;
    private final LogNames names;

    private MonthlyRetention(OpenSearchHttp http, LogNames names) {
        this.http = http;
        this.names = names;
    }

    public static MonthlyRetention open(URI node, String log) {
        return new MonthlyRetention(new OpenSearchHttp(node), new LogNames(log));
    }

    /** How long one chain's records are kept: those older than {@code cutoff} go, under {@code policy}. */
    public record Limit(Instant cutoff, String policy) {}

    /**
     * What one pass did.
     *
     * @param chainsPurged chains whose purge mark moved on
     * @param recordsPurged records the moved marks cover
     * @param monthsDeleted month indexes deleted whole
     */
    public record Pass(long chainsPurged, long recordsPurged, List<String> monthsDeleted) {}

    /** One pass over every chain of the log, each by its limit ({@code limits} empty: kept for ever). */
    public Pass run(Function<String, Optional<Limit>> limits, Instant now) throws IOException {
        OpenSearchLogView view = new OpenSearchLogView(http, names);
        ChainPurge purge = new ChainPurge(http, names);
        long chains = 0;
        long records = 0;
        for (String chain : view.chains()) {
            Optional<Limit> limit = limits.apply(chain);
            if (limit.isEmpty()) {
                continue;
            }
            long marked = purge.mark(
                    chain, -1, startOfMonth(limit.get().cutoff()), limit.get().policy(), now);
            if (marked > 0) {
                chains++;
                records += marked;
            }
        }
        http.post(names.meta() + "/_refresh", null);
        Map<String, Long> through = new HashMap<>();
        MetaScan.each(http, names, LogIndex.KIND_PURGE, "chain", source -> {
            PurgeMark mark = PurgeMarkDocument.parse(source);
            through.put(mark.chain(), mark.throughPosition());
        });
        List<String> deleted = new ArrayList<>();
        // this month's index is where new records go: it is never deleted, even empty
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        for (String month : months()) {
            if (!names.monthOf(month).orElseThrow().isBefore(current)) {
                continue;
            }
            Map<String, long[]> spans = spans(month);
            boolean covered = spans.entrySet().stream()
                    .allMatch(span -> span.getValue()[1] <= through.getOrDefault(span.getKey(), 0L));
            if (covered) {
                http.delete(month);
                deleted.add(month);
                continue;
            }
            for (Map.Entry<String, long[]> span : spans.entrySet()) {
                long purgedThrough = through.getOrDefault(span.getKey(), 0L);
                if (span.getValue()[0] <= purgedThrough) {
                    purge.deleteThrough(span.getKey(), purgedThrough, month);
                }
            }
        }
        return new Pass(chains, records, deleted);
    }

    private static Instant startOfMonth(Instant cutoff) {
        return YearMonth.from(cutoff.atOffset(ZoneOffset.UTC))
                .atDay(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
    }

    /** The log's month indexes, oldest first. */
    private List<String> months() throws IOException {
        JsonNode indexes = http.get("_cat/indices/" + names.log() + "-*?format=json&h=index");
        List<String> months = new ArrayList<>();
        for (JsonNode index : indexes) {
            String name = index.path("index").asText();
            if (names.monthOf(name).isPresent()) {
                months.add(name);
            }
        }
        months.sort(null);
        return months;
    }

    /** Each chain's lowest and highest position in one month index. */
    private Map<String, long[]> spans(String month) throws IOException {
        Map<String, long[]> spans = new HashMap<>();
        JsonNode afterKey = null;
        while (true) {
            ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
            request.put("size", 0).put("track_total_hits", false);
            ObjectNode composite = request.putObject("aggs").putObject("chains");
            ObjectNode terms = composite.putObject("composite");
            terms.put("size", PAGE);
            terms.putArray("sources")
                    .addObject()
                    .putObject("chain")
                    .putObject("terms")
                    .put("field", "chain");
            if (afterKey != null) {
                terms.set("after", afterKey);
            }
            ObjectNode positions = composite.putObject("aggs");
            positions.putObject("lowest").putObject("min").put("field", "position");
            positions.putObject("highest").putObject("max").put("field", "position");
            JsonNode chains =
                    http.post(month + "/_search", request).path("aggregations").path("chains");
            for (JsonNode bucket : chains.path("buckets")) {
                spans.put(bucket.path("key").path("chain").asText(), new long[] {
                    bucket.path("lowest").path("value").asLong(),
                    bucket.path("highest").path("value").asLong()
                });
            }
            afterKey = chains.get("after_key");
            if (afterKey == null || chains.path("buckets").size() < PAGE) {
                return spans;
            }
        }
    }
}
