package dev.mailtrail.investigate.importer.decode;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.importer.source.SourceUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON object of an export that carries the AuditData as one of its members, beside the exporter's own
 * ({@code Search-UnifiedAuditLog}'s objects with {@code AuditData}, Microsoft Graph's audit log records with
 * {@code auditData}): the record is that member, as JSON text or as an object; the other members are the
 * export's columns, as text (objects and arrays as compact JSON), in the object's order.
 *
 * <p>Thread-safe.
 */
public final class AuditDataMember {
    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build()
            .reader();

    private static final String POWERSHELL_OBJECT = "@{";

    private final String member;
    private final String objectName;
    private final AuditDataText auditData = new AuditDataText();

    /**
     * @param member the member holding the AuditData, e.g. {@code AuditData}
     * @param objectName what the object is called in a reject's reason, e.g. {@code auditLogRecord}
     */
    public AuditDataMember(String member, String objectName) {
        this.member = member;
        this.objectName = objectName;
    }

    public DecodedRecord decode(SourceUnit unit) throws UnitRejected {
        return decode(object(unit));
    }

    /** The record the object's member holds, the object's other members its export columns. */
    public DecodedRecord decode(ObjectNode object) throws UnitRejected {
        JsonNode value = object.get(member);
        AuditRecord record;
        if (value == null || value.isNull()) {
            throw new UnitRejected(member + ": missing");
        } else if (value.isTextual() && value.textValue().startsWith(POWERSHELL_OBJECT)) {
            // ConvertTo-Json one level too shallow wrote the whole AuditData as its ToString(): nothing to read.
            throw new UnitRejected(member + ": PowerShell's text of an object (\"@{…}\", written by ConvertTo-Json"
                    + " below its -Depth), not AuditData; export again with ConvertTo-Json -Depth 10");
        } else if (value.isTextual()) {
            record = auditData.read(value.textValue());
        } else if (value.isObject()) {
            record = auditData.read(value);
        } else {
            throw new UnitRejected(member + ": expected AuditData as an object or JSON text, found "
                    + value.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return new DecodedRecord(record, exportColumns(object));
    }

    /** The unit as a JSON object, or the reason it is none. */
    public ObjectNode object(SourceUnit unit) throws UnitRejected {
        return switch (unit) {
            case SourceUnit.JsonText json -> object(json.text());
            case SourceUnit.Unreadable unreadable -> throw new UnitRejected(unreadable.reason());
            case SourceUnit.CsvRow row -> throw new IllegalArgumentException("a CSV row is no JSON object");
        };
    }

    private ExportColumns exportColumns(ObjectNode object) {
        List<String> names = new ArrayList<>(object.size());
        List<String> values = new ArrayList<>(object.size());
        for (Map.Entry<String, JsonNode> column : object.properties()) {
            JsonNode value = column.getValue();
            if (!column.getKey().equals(member) && !value.isNull()) {
                names.add(column.getKey());
                values.add(value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return new ExportColumns(names, values.toArray(String[]::new));
    }

    private ObjectNode object(String text) throws UnitRejected {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException notJson) {
            throw new UnitRejected(objectName + ": not JSON: " + AuditDataText.tidy(notJson.getOriginalMessage()));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new UnitRejected(objectName + ": expected a JSON object, found "
                    + node.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return object;
    }
}
