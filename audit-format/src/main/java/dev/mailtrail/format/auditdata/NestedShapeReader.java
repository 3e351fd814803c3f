package dev.mailtrail.format.auditdata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads AuditData's nested shapes into the core's values, but only when the writer would give back the same
 * JSON: any other member, another JSON type, an explicit null or an empty {@code FolderItems} makes the whole
 * field unmodelled (null here), and the reader keeps it verbatim as an extension instead.
 */
final class NestedShapeReader {
    private static final Predicate<JsonNode> TEXT = JsonNode::isTextual;
    private static final Predicate<JsonNode> SIZE = node -> node.isIntegralNumber() && node.canConvertToLong();

    private static final Map<String, Predicate<JsonNode>> NAME_VALUE = Map.of("Name", TEXT, "Value", TEXT);
    private static final Map<String, Predicate<JsonNode>> FOLDER_REF = Map.of("Id", TEXT, "Path", TEXT);
    private static final Map<String, Predicate<JsonNode>> RECORD_ITEM = Map.of(
            "Id", TEXT,
            "Subject", TEXT,
            "InternetMessageId", TEXT,
            "SizeInBytes", SIZE,
            "ParentFolder", node -> fits(node, FOLDER_REF));
    private static final Map<String, Predicate<JsonNode>> ITEM_REF =
            Map.of("InternetMessageId", TEXT, "Id", TEXT, "SizeInBytes", SIZE, "Subject", TEXT);
    // The writer leaves an empty FolderItems out, so only a non-empty one reads back the same.
    private static final Map<String, Predicate<JsonNode>> FOLDER_ITEMS =
            Map.of("FolderItems", node -> node.isArray() && !node.isEmpty(), "Id", TEXT, "Path", TEXT);

    private NestedShapeReader() {}

    static List<NameValue> nameValues(JsonNode node) {
        return list(node, NestedShapeReader::nameValue);
    }

    static FolderRef folderRef(JsonNode node) {
        return fits(node, FOLDER_REF) ? new FolderRef(text(node, "Id"), text(node, "Path")) : null;
    }

    static RecordItem recordItem(JsonNode node) {
        if (!fits(node, RECORD_ITEM)) {
            return null;
        }
        JsonNode parentFolder = node.get("ParentFolder");
        return new RecordItem(
                text(node, "Id"),
                text(node, "Subject"),
                text(node, "InternetMessageId"),
                size(node),
                parentFolder == null ? null : folderRef(parentFolder));
    }

    static List<RecordItem> recordItems(JsonNode node) {
        return list(node, NestedShapeReader::recordItem);
    }

    static List<FolderItems> folders(JsonNode node) {
        return list(node, NestedShapeReader::folderItems);
    }

    static List<ItemRef> itemRefs(JsonNode node) {
        return list(node, NestedShapeReader::itemRef);
    }

    private static NameValue nameValue(JsonNode node) {
        return fits(node, NAME_VALUE) ? new NameValue(text(node, "Name"), text(node, "Value")) : null;
    }

    private static FolderItems folderItems(JsonNode node) {
        if (!fits(node, FOLDER_ITEMS)) {
            return null;
        }
        List<ItemRef> items = List.of();
        JsonNode folderItems = node.get("FolderItems");
        if (folderItems != null) {
            items = itemRefs(folderItems);
            if (items == null) {
                return null;
            }
        }
        return new FolderItems(text(node, "Id"), text(node, "Path"), items);
    }

    private static ItemRef itemRef(JsonNode node) {
        // ItemRef refuses an item with neither identity; such an entry stays as Microsoft wrote it.
        if (!fits(node, ITEM_REF) || (node.get("InternetMessageId") == null && node.get("Id") == null)) {
            return null;
        }
        return new ItemRef(text(node, "InternetMessageId"), text(node, "Id"), size(node), text(node, "Subject"));
    }

    private static <T> List<T> list(JsonNode node, Function<JsonNode, T> element) {
        if (!node.isArray()) {
            return null;
        }
        List<T> values = new ArrayList<>(node.size());
        for (JsonNode member : node) {
            T value = element.apply(member);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    /** Whether the node is an object whose every member is one of the shape's, of the shape's JSON type. */
    private static boolean fits(JsonNode node, Map<String, Predicate<JsonNode>> shape) {
        if (!node.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            Predicate<JsonNode> type = shape.get(member.getKey());
            if (type == null || !type.test(member.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode node, String name) {
        JsonNode member = node.get(name);
        return member == null ? null : member.textValue();
    }

    private static Long size(JsonNode node) {
        JsonNode member = node.get("SizeInBytes");
        return member == null ? null : member.longValue();
    }
}
