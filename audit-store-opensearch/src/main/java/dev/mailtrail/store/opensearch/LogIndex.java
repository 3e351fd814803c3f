package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.store.chain.ChainedRecord;
import dev.mailtrail.store.log.IpAddresses;
import dev.mailtrail.store.log.RecordTerms;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * The index of one audit log: its settings and mapping, and a record as a document. Columns are exact lower-cased
 * keywords (Exchange compares case-insensitively), times epoch milliseconds with doc values, AuditData verbatim in
 * {@code _source} only, the chain link and the writer's sequence beside it. Chain heads, writer states and purge
 * marks live in the log's meta index ({@link LogNames#meta()}).
 */
final class LogIndex {
    static final String KIND_RECORD = "record";
    static final String KIND_HEAD = "head";
    static final String KIND_STATE = "state";
    static final String KIND_PURGE = "purge";
    static final String KIND_ORDINAL = "ordinal";

    private LogIndex() {}

    /**
     * A month of records: two shards, no replica, what one node holds; a cluster raises both with an index
     * template. Routing is required (every record is routed by its mailbox).
     */
    static ObjectNode definition(int shards, int replicas) {
        ObjectNode index = OpenSearchHttp.JSON.createObjectNode();
        index.putObject("settings").put("number_of_shards", shards).put("number_of_replicas", replicas);
        ObjectNode mappings = index.putObject("mappings");
        mappings.put("dynamic", "strict");
        mappings.putObject("_routing").put("required", true);
        ObjectNode fields = mappings.putObject("properties");
        for (String keyword : new String[] {
            "kind",
            "operation",
            "operation_key",
            "user_id",
            "mailbox",
            "client_ip",
            "object_id",
            "session_id",
            "terms",
            "record_id",
            "chain",
            "writer"
        }) {
            fields.putObject(keyword).put("type", "keyword");
        }
        for (String number : new String[] {"seq", "wseq", "time", "position"}) {
            fields.putObject(number).put("type", "long");
        }
        fields.putObject("record_type").put("type", "integer");
        fields.putObject("logon_type").put("type", "integer");
        fields.putObject("words").put("type", "text").put("analyzer", "standard");
        for (String kept : new String[] {"user_id_stored", "previous_hash", "hash", "audit_data"}) {
            fields.putObject(kept).put("type", "keyword").put("index", false).put("doc_values", false);
        }
        return index;
    }

    /**
     * The meta index: heads, writer states, purge marks and writer numbers, found by id (real-time GET) or by
     * kind, chain and writer; the rest of each document is only kept. One shard: it is small, and one shard needs
     * no routing.
     */
    static ObjectNode metaDefinition(int replicas) {
        ObjectNode index = OpenSearchHttp.JSON.createObjectNode();
        index.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", replicas);
        ObjectNode mappings = index.putObject("mappings");
        mappings.put("dynamic", false);
        ObjectNode fields = mappings.putObject("properties");
        for (String keyword : new String[] {"kind", "chain", "writer"}) {
            fields.putObject(keyword).put("type", "keyword");
        }
        return index;
    }

    static ObjectNode record(
            AuditRecord record, String auditData, WriterSequence sequence, String chain, ChainedRecord link) {
        ObjectNode document = OpenSearchHttp.JSON.createObjectNode();
        document.put("kind", KIND_RECORD);
        document.put("seq", sequence.global());
        document.put("writer", sequence.writer());
        document.put("wseq", sequence.local());
        document.put("time", record.creationTime().toEpochMilli());
        document.put("record_type", record.recordType());
        String operation = record.operation() == null ? "" : record.operation();
        document.put("operation", operation);
        document.put("operation_key", key(operation));
        keyword(document, "user_id", record.userId());
        if (record.userId() != null) {
            document.put("user_id_stored", record.userId());
        }
        keyword(document, "mailbox", record.mailboxOwnerUpn());
        if (record.logonType() != null) {
            document.put("logon_type", record.logonType());
        }
        ArrayNode ips = document.putArray("client_ip");
        for (String ip : new String[] {record.clientIp(), record.clientIpAddress()}) {
            String bare = IpAddresses.withoutPort(ip);
            if (bare != null && !bare.isEmpty()) {
                ips.add(key(bare));
            }
        }
        keyword(document, "object_id", record.objectId());
        keyword(document, "session_id", record.sessionId());
        document.put("record_id", record.id() == null ? "" : record.id());
        ArrayNode terms = document.putArray("terms");
        RecordTerms.terms(record).forEach(terms::add);
        String words = RecordTerms.words(record);
        if (!words.isEmpty()) {
            document.put("words", words);
        }
        document.put("chain", chain);
        document.put("position", link.position());
        document.put("previous_hash", Base64.getEncoder().encodeToString(link.previousHash()));
        document.put("hash", Base64.getEncoder().encodeToString(link.hash()));
        document.put("audit_data", auditData);
        return document;
    }

    static Instant time(JsonNode source) {
        return Instant.ofEpochMilli(source.path("time").asLong());
    }

    static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static void keyword(ObjectNode document, String field, String value) {
        if (value != null && !value.isEmpty()) {
            document.put(field, key(value));
        }
    }
}
