package dev.mailtrail.format.auditdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON value MailTrail does not model into plain Java (String, the Number Jackson parsed, Boolean,
 * null, List, LinkedHashMap in member order), so the core can hold it without knowing JSON: from a tree, or
 * straight from a parser, giving the same values (integers as Integer, Long or BigInteger by size, decimals as
 * BigDecimal as written, as the reader's tree holds them).
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

    /**
     * The value starting at the parser's current token {@code token}, the parser left on its last token; an
     * object with a member given twice is refused, as the tree refuses it.
     */
    static Object plain(String field, JsonParser parser, JsonToken token) throws IOException, AuditDataException {
        if (token == null) {
            throw new AuditDataException(field, "ends early");
        }
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> parser.getIntValue();
                    case LONG -> parser.getLongValue();
                    default -> parser.getBigIntegerValue();
                };
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_ARRAY -> array(field, parser);
            case START_OBJECT -> object(field, parser);
            default -> throw new AuditDataException(field, "unexpected " + token);
        };
    }

    private static List<Object> array(String field, JsonParser parser) throws IOException, AuditDataException {
        List<Object> values = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            values.add(plain(field, parser, token));
        }
        return values;
    }

    private static Map<String, Object> object(String field, JsonParser parser) throws IOException, AuditDataException {
        Map<String, Object> members = new LinkedHashMap<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            if (members.containsKey(name)) {
                throw new AuditDataException(field, "member " + name + " given twice");
            }
            members.put(name, plain(field, parser, parser.nextToken()));
        }
        return members;
    }
}
