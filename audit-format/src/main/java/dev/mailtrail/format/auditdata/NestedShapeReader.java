package dev.mailtrail.format.auditdata;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads AuditData's nested shapes, given as plain values ({@link ExtensionValueReader}'s String, Number,
 * Boolean, null, List and Map), into the core's values, but only when the writer would give back the same JSON:
 * any other member, another JSON type, an explicit null or an empty {@code FolderItems} makes the whole field
 * unmodelled (null here), and the reader keeps it verbatim as an extension instead.
 */
final class NestedShapeReader {
    private static final Predicate<Object> TEXT = String.class::isInstance;
    private static final Predicate<Object> SIZE = NestedShapeReader::isLong;

    private static final Map<String, Predicate<Object>> NAME_VALUE = Map.of("Name", TEXT, "Value", TEXT);
    private static final Map<String, Predicate<Object>> FOLDER_REF = Map.of("Id", TEXT, "Path", TEXT);
    private static final Map<String, Predicate<Object>> RECORD_ITEM = Map.of(
            "Id", TEXT,
            "Subject", TEXT,
            "InternetMessageId", TEXT,
            "SizeInBytes", SIZE,
            "ParentFolder", value -> fits(value, FOLDER_REF));
    private static final Map<String, Predicate<Object>> ITEM_REF =
            Map.of("InternetMessageId", TEXT, "Id", TEXT, "SizeInBytes", SIZE, "Subject", TEXT);
    // The writer leaves an empty FolderItems out, so only a non-empty one reads back the same.
    private static final Map<String, Predicate<Object>> FOLDER_ITEMS =
            Map.of("FolderItems", value -> value instanceof List<?> list && !list.isEmpty(), "Id", TEXT, "Path", TEXT);

    private NestedShapeReader() {}

    static List<NameValue> nameValues(Object value) {
        return list(value, NestedShapeReader::nameValue);
    }

    static FolderRef folderRef(Object value) {
        return fits(value, FOLDER_REF) ? new FolderRef(text(value, "Id"), text(value, "Path")) : null;
    }

    static RecordItem recordItem(Object value) {
        if (!fits(value, RECORD_ITEM)) {
            return null;
        }
        Object parentFolder = member(value, "ParentFolder");
        return new RecordItem(
                text(value, "Id"),
                text(value, "Subject"),
                text(value, "InternetMessageId"),
                size(value),
                parentFolder == null ? null : folderRef(parentFolder));
    }

    static List<RecordItem> recordItems(Object value) {
        return list(value, NestedShapeReader::recordItem);
    }

    static List<FolderItems> folders(Object value) {
        return list(value, NestedShapeReader::folderItems);
    }

    static List<ItemRef> itemRefs(Object value) {
        return list(value, NestedShapeReader::itemRef);
    }

    /** Whether a plain number is an integer that fits a long, as Jackson's {@code canConvertToLong} says. */
    static boolean isLong(Object value) {
        return value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || (value instanceof BigInteger big && big.bitLength() < Long.SIZE);
    }

    private static NameValue nameValue(Object value) {
        return fits(value, NAME_VALUE) ? new NameValue(text(value, "Name"), text(value, "Value")) : null;
    }

    private static FolderItems folderItems(Object value) {
        if (!fits(value, FOLDER_ITEMS)) {
            return null;
        }
        List<ItemRef> items = List.of();
        Object folderItems = member(value, "FolderItems");
        if (folderItems != null) {
            items = itemRefs(folderItems);
            if (items == null) {
                return null;
            }
        }
        return new FolderItems(text(value, "Id"), text(value, "Path"), items);
    }

    private static ItemRef itemRef(Object value) {
        // ItemRef refuses an item with neither identity; such an entry stays as Microsoft wrote it.
        if (!fits(value, ITEM_REF) || (member(value, "InternetMessageId") == null && member(value, "Id") == null)) {
            return null;
        }
        return new ItemRef(text(value, "InternetMessageId"), text(value, "Id"), size(value), text(value, "Subject"));
    }

    private static <T> List<T> list(Object value, Function<Object, T> element) {
        if (!(value instanceof List<?> elements)) {
            return null;
        }
        List<T> values = new ArrayList<>(elements.size());
        for (Object member : elements) {
            T read = element.apply(member);
            if (read == null) {
                return null;
            }
            values.add(read);
        }
        return values;
    }

    /** Whether the value is an object whose every member is one of the shape's, of the shape's JSON type. */
    private static boolean fits(Object value, Map<String, Predicate<Object>> shape) {
        if (!(value instanceof Map<?, ?> object)) {
            return false;
        }
        for (Map.Entry<?, ?> member : object.entrySet()) {
            Predicate<Object> type = shape.get(member.getKey());
            if (type == null || !type.test(member.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** A member of an object that {@link #fits} its shape, so of the shape's type, or null when absent. */
    private static Object member(Object object, String name) {
        return ((Map<?, ?>) object).get(name);
    }

    private static String text(Object object, String name) {
        return (String) member(object, name);
    }

    private static Long size(Object object) {
        Object size = member(object, "SizeInBytes");
        return size == null ? null : ((Number) size).longValue();
    }
}
