package dev.mailtrail.investigate.importer.mailbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code OperationProperties} as Search-MailboxAuditLog renders them, {@code Name:Value} pairs
 * ({@code MailAccessType:Bind IsThrottled:False}, or <code>{MailAccessType:Bind, IsThrottled:False}</code>, one
 * per line …), back into AuditData's {@code [{"Name":…,"Value":…}]}. A pair starts at a capitalised name (Exchange's
 * property names are PascalCase) and a colon after a blank, comma or semicolon, so a value may hold blanks and
 * colons ({@code RuleName:Forward all to: accounts}).
 */
final class OperationPropertiesText {
    private static final Pattern NAME = Pattern.compile("(?<=^|[\\s,;])([A-Z][A-Za-z0-9_.]*):");
    private static final String SEPARATORS = ",; \t\r\n";

    private OperationPropertiesText() {}

    /** The pairs, or null when the text holds none (it is then kept as written). */
    static ArrayNode parse(String text) {
        String body = text.strip();
        if (body.startsWith("{") && body.endsWith("}")) {
            body = body.substring(1, body.length() - 1).strip();
        }
        Matcher name = NAME.matcher(body);
        if (!name.find() || name.start() != 0) {
            return null;
        }
        ArrayNode pairs = JsonNodeFactory.instance.arrayNode();
        while (true) {
            String pairName = name.group(1);
            int valueStart = name.end();
            boolean more = name.find();
            String value = body.substring(valueStart, more ? name.start() : body.length());
            ObjectNode pair = pairs.addObject();
            pair.put("Name", pairName);
            pair.put("Value", trimSeparators(value));
            if (!more) {
                return pairs;
            }
        }
    }

    private static String trimSeparators(String value) {
        int end = value.length();
        while (end > 0 && SEPARATORS.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        int start = 0;
        while (start < end && Character.isWhitespace(value.charAt(start))) {
            start++;
        }
        return value.substring(start, end);
    }
}
