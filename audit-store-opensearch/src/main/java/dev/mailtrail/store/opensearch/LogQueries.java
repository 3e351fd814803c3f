package dev.mailtrail.store.opensearch;

import static dev.mailtrail.store.opensearch.LogIndex.key;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.store.log.IpAddresses;
import dev.mailtrail.store.log.RecordQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link RecordQuery} in OpenSearch's query DSL: one {@code bool} of non-scoring filters over exact keywords and
 * longs, as the Lucene store builds it; FreeText an exact term or a phrase of words.
 */
final class LogQueries {
    private static final String SEARCH_ACTION = "SearchQueryInitiated";

    private LogQueries() {}

    static ObjectNode records(RecordQuery query) {
        ObjectNode root = OpenSearchHttp.JSON.createObjectNode();
        ArrayNode filter = root.putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("kind", LogIndex.KIND_RECORD);
        long start = millis(query.start());
        long end = millis(query.end());
        if (start > Long.MIN_VALUE || end < Long.MAX_VALUE) {
            ObjectNode range = filter.addObject().putObject("range").putObject("time");
            range.put("gte", start);
            range.put("lt", end);
        }
        anyOf(filter, "mailbox", query.mailboxes(), LogIndex::key);
        anyOf(filter, "user_id", query.userIds(), LogIndex::key);
        anyOf(filter, "operation_key", withActionNames(query.operations()), LogIndex::key);
        anyOf(filter, "record_type", query.recordTypes(), value -> value);
        anyOf(filter, "logon_type", query.logonTypes(), value -> value);
        anyOf(filter, "client_ip", query.ipAddresses(), value -> key(IpAddresses.withoutPort(value)));
        anyOf(filter, "object_id", query.objectIds(), LogIndex::key);
        anyOf(filter, "session_id", query.sessionIds(), LogIndex::key);
        for (String text : query.freeText()) {
            ObjectNode either = filter.addObject().putObject("bool");
            ArrayNode should = either.putArray("should");
            should.addObject().putObject("term").put("terms", key(text.strip()));
            should.addObject().putObject("match_phrase").put("words", text);
            either.put("minimum_should_match", 1);
        }
        return root;
    }

    /** The routing values of a search confined to some mailboxes: only their shards are asked. */
    static String routing(RecordQuery query) {
        return query.mailboxes().stream()
                .map(mailbox -> dev.mailtrail.store.log.ChainScheme.mailboxChain(mailbox))
                .reduce((a, b) -> a + "," + b)
                .orElse(null);
    }

    /** The mailbox action and the unified log's name for the same search, either asked for finds both. */
    private static Collection<String> withActionNames(Collection<String> operations) {
        Set<String> names = new LinkedHashSet<>();
        for (String operation : operations) {
            names.add(operation);
            if (operation.equalsIgnoreCase(SEARCH_ACTION)) {
                names.add(SEARCH_ACTION + "Exchange");
            } else if (operation.equalsIgnoreCase(SEARCH_ACTION + "Exchange")) {
                names.add(SEARCH_ACTION);
            }
        }
        return names;
    }

    static long millis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static <T> void anyOf(ArrayNode filter, String field, Collection<T> values, Function<T, Object> each) {
        if (values.isEmpty()) {
            return;
        }
        ArrayNode terms = filter.addObject().putObject("terms").putArray(field);
        for (T value : values) {
            terms.addPOJO(each.apply(value));
        }
    }
}
