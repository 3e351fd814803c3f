package dev.mailtrail.investigate.importer.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.investigate.importer.source.CsvHeader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The named values of one row of a column-shaped export (a CSV row under its header, or a Sentinel JSON object),
 * looked up in any case. Taking a value marks it used, so whatever no mapping took can still be kept. Empty text
 * and JSON null are absent values, as Sentinel and Export-Csv write nothing that way.
 *
 * <p>One per unit; not thread-safe.
 */
public final class ColumnValues {
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();

    /** A column's name as the export spelled it, and its value. */
    public record Column(String name, JsonNode value) {}

    public static ColumnValues ofCsv(CsvHeader header, List<String> fields) {
        ColumnValues values = new ColumnValues();
        for (int i = 0; i < Math.min(header.size(), fields.size()); i++) {
            values.add(header.name(i), JsonNodeFactory.instance.textNode(fields.get(i)));
        }
        return values;
    }

    public static ColumnValues ofJson(ObjectNode object) {
        ColumnValues values = new ColumnValues();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            values.add(member.getKey(), member.getValue());
        }
        return values;
    }

    private void add(String name, JsonNode value) {
        boolean absent =
                value.isNull() || (value.isTextual() && value.textValue().isEmpty());
        if (!absent) {
            columns.putIfAbsent(name.toLowerCase(Locale.ROOT), new Column(name, value));
        }
    }

    /** Every present value as text (JSON values as compact JSON), in the export's order: the row as exported. */
    public Map<String, String> asExported() {
        Map<String, String> exported = new LinkedHashMap<>();
        for (Column column : columns.values()) {
            exported.put(
                    column.name(),
                    column.value().isValueNode()
                            ? column.value().asText()
                            : column.value().toString());
        }
        return exported;
    }

    /** The value, now marked used; null when absent. */
    public JsonNode take(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        used.add(key);
        Column column = columns.get(key);
        return column == null ? null : column.value();
    }

    /** The value as text (JSON values as compact JSON), now marked used; null when absent. */
    public String takeText(String name) {
        JsonNode value = take(name);
        if (value == null) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** The value as text without marking it used; null when absent. */
    public String peekText(String name) {
        Column column = columns.get(name.toLowerCase(Locale.ROOT));
        if (column == null) {
            return null;
        }
        return column.value().isValueNode()
                ? column.value().asText()
                : column.value().toString();
    }

    /** The values no mapping took, in the export's order. */
    public Iterable<Column> remaining() {
        List<Column> remaining = new ArrayList<>();
        columns.forEach((key, column) -> {
            if (!used.contains(key)) {
                remaining.add(column);
            }
        });
        return remaining;
    }
}
