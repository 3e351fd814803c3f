package dev.mailtrail.investigate.importer.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The OData annotations Microsoft Graph adds to AuditData: {@code "@odata.type":"#microsoft.graph.security.…"} on
 * the object and {@code "RecordType@odata.type":"#Int64"}, {@code "Folders@odata.type":"#Collection(…)"} beside
 * its members, at every depth. They describe Graph's serialisation, not the event; left in, they would sit among
 * the record's fields and make a nested shape such as {@code Folders} unreadable as the one Exchange writes. They
 * are removed before the codec reads the record.
 */
public final class ODataAnnotations {
    private static final String MARK = "@odata.";

    private ODataAnnotations() {}

    /** Whether any of the names is an annotation. */
    public static boolean anyIn(Iterable<String> names) {
        for (String name : names) {
            if (isAnnotation(name)) {
                return true;
            }
        }
        return false;
    }

    /** Removes the annotation members from this object and every object within it. */
    public static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> members = object.properties().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                if (isAnnotation(member.getKey())) {
                    members.remove();
                } else {
                    strip(member.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode element : node) {
                strip(element);
            }
        }
    }

    /** {@code @odata.type}, {@code @odata.context}, or a member's annotation such as {@code Version@odata.type}. */
    public static boolean isAnnotation(String name) {
        return name.contains(MARK);
    }
}
