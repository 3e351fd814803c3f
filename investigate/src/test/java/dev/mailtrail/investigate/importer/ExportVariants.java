package dev.mailtrail.investigate.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What differs between two exports of the same AuditData, done to a record's JSON tree from a seed: members in
 * another order, typed values as text, insignificant whitespace and CRLF line ends, and the export shapes the
 * importer reads (JSON Lines, a Purview CSV's AuditData column, {@code ConvertTo-Json}, a Management Activity API
 * blob, a Graph page, Defender's CloudAppEvents rows). Also what a real export adds: members MailTrail does not model, at any depth.
 */
final class ExportVariants {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Typed members an exporter may write as text, and how. */
    private static final Set<String> INTEGERS = Set.of(
            "RecordType", "UserType", "Version", "LogonType", "InternalLogonType", "OperationCount", "SizeInBytes");

    private static final Set<String> BOOLEANS = Set.of("ExternalAccess", "CrossMailboxOperation");

    enum Shape {
        JSON_LINES,
        PURVIEW_CSV,
        CONVERT_TO_JSON,
        MANAGEMENT_API,
        GRAPH_PAGE,
        CLOUD_APP_EVENTS
    }

    private final Random random;

    ExportVariants(long seed) {
        this.random = new Random(seed);
    }

    static ObjectNode parse(String line) throws IOException {
        return (ObjectNode) JSON.readTree(line);
    }

    /** Adds members MailTrail does not model to objects at every depth. */
    void addUnknownMembers(JsonNode node, int depth) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                addUnknownMembers(object.get(name), depth + 1);
            }
            int more = random.nextInt(3);
            for (int i = 0; i < more; i++) {
                object.set("Zq" + word(6) + i, unknownValue(depth));
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> addUnknownMembers(element, depth + 1));
        }
    }

    /** Shuffles members at every depth and gives typed values as text, as some exporters do. */
    void reorderAndRetype(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
            object.properties().forEach(members::add);
            Collections.shuffle(members, random);
            object.removeAll();
            for (Map.Entry<String, JsonNode> member : members) {
                reorderAndRetype(member.getValue());
                object.set(member.getKey(), retyped(member.getKey(), member.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::reorderAndRetype);
        }
    }

    private JsonNode retyped(String name, JsonNode value) {
        if (!random.nextBoolean()) {
            return value;
        }
        if (INTEGERS.contains(name) && value.isIntegralNumber()) {
            return NODES.textNode(value.asText());
        }
        if (BOOLEANS.contains(name) && value.isBoolean()) {
            String text = value.asText();
            return NODES.textNode(
                    random.nextBoolean() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1));
        }
        return value;
    }

    /** The records as one export of that shape, with CRLF or LF line ends and varied whitespace. */
    String export(Shape shape, List<ObjectNode> records) throws IOException {
        String eol = random.nextBoolean() ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder();
        switch (shape) {
            case JSON_LINES ->
                records.forEach(record -> out.append(oneLine(record)).append(eol));
            case MANAGEMENT_API -> out.append(pretty(arrayOf(records), eol)).append(eol);
            case CONVERT_TO_JSON -> {
                ArrayNode rows = NODES.arrayNode();
                for (int i = 0; i < records.size(); i++) {
                    ObjectNode record = records.get(i);
                    ObjectNode row = rows.addObject();
                    row.put("RunspaceId", "3f1c2b9a-1111-4222-8333-444455556666");
                    row.set("RecordType", record.get("RecordType"));
                    row.put("CreationDate", "/Date(" + millis(record) + ")/");
                    row.set("UserIds", record.get("UserId"));
                    row.set("Operations", record.get("Operation"));
                    row.put("AuditData", oneLine(record));
                    row.put("ResultIndex", i + 1);
                    row.put("ResultCount", records.size());
                    row.set("Identity", record.get("Id"));
                    row.put("IsValid", true);
                    row.put("ObjectState", "Unchanged");
                }
                out.append(pretty(rows, eol)).append(eol);
            }
            case GRAPH_PAGE -> {
                ObjectNode page = NODES.objectNode();
                page.put(
                        "@odata.context",
                        "https://graph.microsoft.com/beta/$metadata#security/auditLog/queries('q')/records");
                ArrayNode value = page.putArray("value");
                for (ObjectNode record : records) {
                    ObjectNode graph = value.addObject();
                    graph.set("id", record.get("Id"));
                    graph.put(
                            "createdDateTime",
                            Instant.ofEpochMilli(millis(record)).toString());
                    graph.put("auditLogRecordType", "ExchangeItem");
                    graph.set("operation", record.get("Operation"));
                    graph.set("auditData", record);
                }
                out.append(pretty(page, eol)).append(eol);
            }
            case CLOUD_APP_EVENTS -> {
                ArrayNode rows = NODES.arrayNode();
                for (ObjectNode record : records) {
                    ObjectNode row = rows.addObject();
                    row.put("Timestamp", Instant.ofEpochMilli(millis(record)).toString());
                    row.set("ActionType", record.get("Operation"));
                    row.put("Application", "Microsoft Exchange Online");
                    row.put("ApplicationId", 20893);
                    row.set("RawEventData", record);
                }
                out.append(pretty(rows, eol)).append(eol);
            }
            case PURVIEW_CSV -> {
                out.append("RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,"
                                + "AssociatedAdminUnitsNames")
                        .append(eol);
                for (ObjectNode record : records) {
                    out.append(text(record.get("Id")))
                            .append(',')
                            .append(Instant.ofEpochMilli(millis(record)))
                            .append(',')
                            .append(text(record.get("RecordType")))
                            .append(',')
                            .append(csv(text(record.get("Operation"))))
                            .append(',')
                            .append(csv(text(record.get("UserId"))))
                            .append(',')
                            .append(csv(oneLine(record)))
                            .append(",,")
                            .append(eol);
                }
            }
        }
        return out.toString();
    }

    private static ArrayNode arrayOf(List<ObjectNode> records) {
        ArrayNode array = NODES.arrayNode();
        records.forEach(array::add);
        return array;
    }

    private static long millis(ObjectNode record) {
        return java.time.LocalDateTime.parse(record.get("CreationTime").asText().substring(0, 19))
                .toInstant(java.time.ZoneOffset.UTC)
                .toEpochMilli();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** Compact, or with spaces and tabs between tokens; never a line break, as a JSON Lines line must not. */
    private String oneLine(JsonNode record) {
        if (random.nextBoolean()) {
            return record.toString();
        }
        return write(
                record,
                new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter(random.nextBoolean() ? "\t" : "  ", " "))
                        .withArrayIndenter(new DefaultIndenter(" ", "")));
    }

    private String pretty(JsonNode value, String eol) {
        String indent = random.nextBoolean() ? "    " : "\t";
        return write(
                value,
                new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter(indent, eol))
                        .withArrayIndenter(new DefaultIndenter(indent, eol)));
    }

    private static String write(JsonNode value, DefaultPrettyPrinter printer) {
        try {
            StringWriter out = new StringWriter();
            try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
                json.setCodec(JSON);
                json.setPrettyPrinter(printer);
                JSON.writeTree(json, value);
            }
            return out.toString();
        } catch (IOException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    private JsonNode unknownValue(int depth) {
        return switch (random.nextInt(depth > 3 ? 5 : 7)) {
            case 0 -> NODES.textNode(word(random.nextInt(12)) + (random.nextBoolean() ? "; é \\ \" ü" : ""));
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> NODES.textNode(Integer.toString(random.nextInt(100_000)));
            case 5 -> {
                ObjectNode object = NODES.objectNode();
                object.set("Name" + word(3), unknownValue(depth + 2));
                yield object;
            }
            default -> NODES.arrayNode().add(unknownValue(depth + 2)).add(unknownValue(depth + 2));
        };
    }

    private String word(int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
