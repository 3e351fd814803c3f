package dev.mailtrail.format.auditdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AuditData's nested shapes from a parser (over text, or over a tree with {@code JsonNode.traverse()}) into
 * the core's values, but only when the writer would give back the same JSON: any other member, a member given
 * twice, another JSON type, an explicit null or an empty {@code FolderItems} is a {@link Misfit}, and the reader
 * keeps the whole field verbatim as an extension instead.
 */
final class NestedShapeReader {
    private static final Misfit MISFIT = new Misfit();

    private static final Member[] NAME_VALUE = {
        new Member("Name", NestedShapeReader::text), new Member("Value", NestedShapeReader::text)
    };
    private static final Member[] FOLDER_REF = {
        new Member("Id", NestedShapeReader::text), new Member("Path", NestedShapeReader::text)
    };
    private static final Member[] RECORD_ITEM = {
        new Member("Id", NestedShapeReader::text),
        new Member("Subject", NestedShapeReader::text),
        new Member("InternetMessageId", NestedShapeReader::text),
        new Member("SizeInBytes", NestedShapeReader::size),
        new Member("ParentFolder", NestedShapeReader::folderRef)
    };
    private static final Member[] ITEM_REF = {
        new Member("InternetMessageId", NestedShapeReader::text),
        new Member("Id", NestedShapeReader::text),
        new Member("SizeInBytes", NestedShapeReader::size),
        new Member("Subject", NestedShapeReader::text)
    };
    private static final Member[] FOLDER_ITEMS = {
        new Member("Id", NestedShapeReader::text),
        new Member("Path", NestedShapeReader::text),
        new Member("FolderItems", NestedShapeReader::nonEmptyItemRefs)
    };

    private NestedShapeReader() {}

    /** The value does not have the shape: the field is kept as written, not modelled. */
    static final class Misfit extends Exception {
        private Misfit() {
            // Thrown for control flow only: one shared instance, no stack trace.
            super("not the modelled shape", null, false, false);
        }
    }

    @FunctionalInterface
    private interface Element<T> {
        T read(JsonParser json, JsonToken token) throws IOException, Misfit;
    }

    /** A member a shape allows: its name, and how its value reads. */
    private record Member(String name, Element<?> type) {}

    static List<NameValue> nameValues(JsonParser json, JsonToken token) throws IOException, Misfit {
        return list(json, token, NestedShapeReader::nameValue);
    }

    static List<RecordItem> recordItems(JsonParser json, JsonToken token) throws IOException, Misfit {
        return list(json, token, NestedShapeReader::recordItem);
    }

    static List<FolderItems> folders(JsonParser json, JsonToken token) throws IOException, Misfit {
        return list(json, token, NestedShapeReader::folderItems);
    }

    static List<ItemRef> itemRefs(JsonParser json, JsonToken token) throws IOException, Misfit {
        return list(json, token, NestedShapeReader::itemRef);
    }

    static NameValue nameValue(JsonParser json, JsonToken token) throws IOException, Misfit {
        Object[] members = members(json, token, NAME_VALUE);
        return new NameValue((String) members[0], (String) members[1]);
    }

    static FolderRef folderRef(JsonParser json, JsonToken token) throws IOException, Misfit {
        Object[] members = members(json, token, FOLDER_REF);
        return new FolderRef((String) members[0], (String) members[1]);
    }

    static RecordItem recordItem(JsonParser json, JsonToken token) throws IOException, Misfit {
        Object[] members = members(json, token, RECORD_ITEM);
        return new RecordItem(
                (String) members[0], (String) members[1], (String) members[2], (Long) members[3], (FolderRef)
                        members[4]);
    }

    private static FolderItems folderItems(JsonParser json, JsonToken token) throws IOException, Misfit {
        Object[] members = members(json, token, FOLDER_ITEMS);
        @SuppressWarnings("unchecked")
        List<ItemRef> items = members[2] == null ? List.of() : (List<ItemRef>) members[2];
        return new FolderItems((String) members[0], (String) members[1], items);
    }

    private static ItemRef itemRef(JsonParser json, JsonToken token) throws IOException, Misfit {
        Object[] members = members(json, token, ITEM_REF);
        // ItemRef refuses an item with neither identity; such an entry stays as Microsoft wrote it.
        if (members[0] == null && members[1] == null) {
            throw MISFIT;
        }
        return new ItemRef((String) members[0], (String) members[1], (Long) members[2], (String) members[3]);
    }

    /**
     * The object's members in the shape's order, each of the shape's type, absent ones null; any other member, or
     * one given twice, is a misfit.
     */
    private static Object[] members(JsonParser json, JsonToken token, Member[] shape) throws IOException, Misfit {
        if (token != JsonToken.START_OBJECT) {
            throw MISFIT;
        }
        Object[] values = new Object[shape.length];
        int seen = 0;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            int at = indexOf(shape, name);
            if ((seen & (1 << at)) != 0) {
                throw MISFIT;
            }
            seen |= 1 << at;
            values[at] = shape[at].type().read(json, json.nextToken());
        }
        return values;
    }

    private static int indexOf(Member[] shape, String name) throws Misfit {
        for (int i = 0; i < shape.length; i++) {
            if (shape[i].name().equals(name)) {
                return i;
            }
        }
        throw MISFIT;
    }

    /** The writer leaves an empty FolderItems out, so only a non-empty one reads back the same. */
    private static List<ItemRef> nonEmptyItemRefs(JsonParser json, JsonToken token) throws IOException, Misfit {
        List<ItemRef> items = itemRefs(json, token);
        if (items.isEmpty()) {
            throw MISFIT;
        }
        return items;
    }

    private static <T> List<T> list(JsonParser json, JsonToken token, Element<T> element) throws IOException, Misfit {
        if (token != JsonToken.START_ARRAY) {
            throw MISFIT;
        }
        List<T> values = new ArrayList<>();
        for (JsonToken next = json.nextToken(); next != JsonToken.END_ARRAY; next = json.nextToken()) {
            if (next == null) {
                throw MISFIT;
            }
            values.add(element.read(json, next));
        }
        return values;
    }

    private static String text(JsonParser json, JsonToken token) throws IOException, Misfit {
        if (token != JsonToken.VALUE_STRING) {
            throw MISFIT;
        }
        return json.getText();
    }

    /** An integer that fits a long, as Jackson's {@code canConvertToLong} says. */
    private static Long size(JsonParser json, JsonToken token) throws IOException, Misfit {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw MISFIT;
        }
        return switch (json.getNumberType()) {
            case INT, LONG -> json.getLongValue();
            default -> {
                if (json.getBigIntegerValue().bitLength() >= Long.SIZE) {
                    throw MISFIT;
                }
                yield json.getLongValue();
            }
        };
    }
}
