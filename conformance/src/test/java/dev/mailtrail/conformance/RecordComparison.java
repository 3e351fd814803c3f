package dev.mailtrail.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Expected records against the ones mt replay wrote, in order and field by field. Every difference is one
 * sentence naming the record (its line in expected.jsonl) and the field, with the expected and actual values.
 * {@code Id} is a fresh GUID per run and is never compared.
 */
final class RecordComparison {
    static final String ID = "Id";

    /** Numbers compare by value (4 equals 4.0); everything else by JSON equality, arrays in order. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private RecordComparison() {}

    /**
     * @param exact also report fields mt replay wrote that the expected record does not list
     */
    static List<String> differences(List<ObjectNode> expected, List<ObjectNode> actual, boolean exact) {
        return differences(expected, actual, exact, "mt replay");
    }

    /**
     * As above, for records {@code writer} wrote (named in the differences): mt replay, or the clustered pipeline.
     */
    static List<String> differences(List<ObjectNode> expected, List<ObjectNode> actual, boolean exact, String writer) {
        List<String> differences = new ArrayList<>();
        if (expected.size() != actual.size()) {
            differences.add("expected " + expected.size() + " records, " + writer + " wrote " + actual.size());
        }
        int common = Math.min(expected.size(), actual.size());
        for (int i = 0; i < common; i++) {
            compare(i + 1, expected.get(i), actual.get(i), exact, differences);
        }
        for (int i = common; i < expected.size(); i++) {
            differences.add(
                    "record " + (i + 1) + ": expected " + expected.get(i) + ", " + writer + " wrote no such record");
        }
        for (int i = common; i < actual.size(); i++) {
            differences.add("record " + (i + 1) + ": not expected, " + writer + " wrote " + summary(actual.get(i)));
        }
        return differences;
    }

    private static void compare(int index, ObjectNode expected, ObjectNode actual, boolean exact, List<String> out) {
        String record = "record " + index + " (" + summary(actual) + ")";
        Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals(ID)) {
                continue;
            }
            JsonNode got = actual.get(field.getKey());
            if (got == null) {
                out.add(record + ", field " + field.getKey() + ": expected " + field.getValue() + ", actual (absent)");
            } else if (!field.getValue().equals(SAME_VALUE, got)) {
                out.add(record + ", field " + field.getKey() + ": expected " + field.getValue() + ", actual " + got);
            }
        }
        if (!exact) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> written = actual.fields();
        while (written.hasNext()) {
            Map.Entry<String, JsonNode> field = written.next();
            if (!field.getKey().equals(ID) && !expected.has(field.getKey())) {
                out.add(record + ", field " + field.getKey() + ": expected (absent), actual " + field.getValue());
            }
        }
    }

    /** Enough of a written record to recognise it: Operation, CreationTime, who and how. */
    static String summary(ObjectNode record) {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("Operation", "CreationTime", "LogonType", "UserId", "SessionId")) {
            JsonNode value = record.get(name);
            if (value != null && !value.isNull()) {
                text.append(text.isEmpty() ? "" : " ").append(name).append('=').append(value.asText());
            }
        }
        return text.toString();
    }
}
