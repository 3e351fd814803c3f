package dev.mailtrail.format.auditdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON value MailTrail does not model into plain Java (String, the Number Jackson parsed, Boolean,
 * null, List, LinkedHashMap in member order), so the core can hold it without knowing JSON.
 */
final class ExtensionValueReader {
    private ExtensionValueReader() {}

    /** The value of field {@code field}; the name only serves the error message. */
    static Object plain(String field, JsonNode node) throws AuditDataException {
        return switch (node.getNodeType()) {
            case STRING -> node.textValue();
            case NUMBER -> node.numberValue();
            case BOOLEAN -> node.booleanValue();
            case NULL -> null;
            case ARRAY -> array(field, node);
            case OBJECT -> object(field, node);
            // Only a tree built in code, not one parsed from text, holds these.
            case BINARY -> node.asText();
            case POJO, MISSING -> throw new AuditDataException(field, "holds " + node.getNodeType() + ", not JSON");
        };
    }

    private static List<Object> array(String field, JsonNode node) throws AuditDataException {
        List<Object> values = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            values.add(plain(field, element));
        }
        return values;
    }

    private static Map<String, Object> object(String field, JsonNode node) throws AuditDataException {
        Map<String, Object> members = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            members.put(member.getKey(), plain(field, member.getValue()));
        }
        return members;
    }
}
