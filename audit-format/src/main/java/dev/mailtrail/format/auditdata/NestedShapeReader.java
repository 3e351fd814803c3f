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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads AuditData's nested shapes from a parser (over text, or over a tree with {@code JsonNode.traverse()}) into
 * the core's values. Every member the shape models is read wherever it sits; every other member ({@code
 * Sensitivity}, {@code ImmutableId}, {@code Attachments} on an item, {@code FolderClass} on a folder …) and a
 * modelled member of another JSON type ({@code "SizeInBytes":"48213"}, an explicit null, an empty {@code
 * FolderItems}) is kept as written among the value's extensions, so the writer gives back the same JSON. Real
 * records carry many members the Management Activity API schema does not document, and one of them must never cost
 * the items beside it.
 *
 * <p>Only what cannot be the shape at all is a {@link Misfit}, and the reader then keeps the whole field verbatim:
 * a list that is not an array or holds something other than objects (PowerShell's {@code "@{Name=…; Value=…}"}
 * text), a member given twice, a {@code FolderItems} entry with neither {@code InternetMessageId} nor {@code Id}.
 */
final class NestedShapeReader {
    private static final Misfit MISFIT = new Misfit();
    /** An element's token is not of the member's type: the member is kept as written, unread. */
    private static final Object OTHER_TYPE = new Object();

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
        new Member("ParentFolder", NestedShapeReader::parentFolder)
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
        new Member("FolderItems", NestedShapeReader::folderItemList)
    };

    private NestedShapeReader() {}

    /** The value cannot have the shape: the field is kept as written, not modelled. */
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

    /** A member a shape models: its name, and how its value reads ({@link #OTHER_TYPE} when it does not). */
    private record Member(String name, Element<?> type) {}

    /** A member whose value was read, found not to be of its type, and is to be kept as this plain value. */
    private record Kept(Object plain) {}

    /** One object's members: the modelled ones by the shape's index, the others in order. */
    private static final class Read {
        final Object[] modelled;
        Map<String, Object> others;

        Read(int size) {
            modelled = new Object[size];
        }

        void keep(String name, Object plain) {
            if (others == null) {
                others = new LinkedHashMap<>(4);
            }
            others.put(name, plain);
        }

        Map<String, Object> extensions() {
            return others == null ? Map.of() : others;
        }
    }

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
        Read read = members(json, token, NAME_VALUE);
        return new NameValue((String) read.modelled[0], (String) read.modelled[1], read.extensions());
    }

    static FolderRef folderRef(JsonParser json, JsonToken token) throws IOException, Misfit {
        Read read = members(json, token, FOLDER_REF);
        return new FolderRef((String) read.modelled[0], (String) read.modelled[1], read.extensions());
    }

    static RecordItem recordItem(JsonParser json, JsonToken token) throws IOException, Misfit {
        Read read = members(json, token, RECORD_ITEM);
        Object[] members = read.modelled;
        return new RecordItem(
                (String) members[0],
                (String) members[1],
                (String) members[2],
                (Long) members[3],
                (FolderRef) members[4],
                read.extensions());
    }

    private static FolderItems folderItems(JsonParser json, JsonToken token) throws IOException, Misfit {
        Read read = members(json, token, FOLDER_ITEMS);
        @SuppressWarnings("unchecked")
        List<ItemRef> items = read.modelled[2] == null ? List.of() : (List<ItemRef>) read.modelled[2];
        return new FolderItems((String) read.modelled[0], (String) read.modelled[1], items, read.extensions());
    }

    private static ItemRef itemRef(JsonParser json, JsonToken token) throws IOException, Misfit {
        Read read = members(json, token, ITEM_REF);
        Object[] members = read.modelled;
        // ItemRef refuses an item with neither identity; such an entry stays as Microsoft wrote it.
        if (members[0] == null && members[1] == null) {
            throw MISFIT;
        }
        return new ItemRef(
                (String) members[0], (String) members[1], (Long) members[2], (String) members[3], read.extensions());
    }

    /**
     * The object's members: each modelled one of its type read into the shape's place, any other kept in order; a
     * member given twice is a misfit, as the tree refuses it.
     */
    private static Read members(JsonParser json, JsonToken token, Member[] shape) throws IOException, Misfit {
        if (token != JsonToken.START_OBJECT) {
            throw MISFIT;
        }
        Read read = new Read(shape.length);
        int seen = 0;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            int at = indexOf(shape, name);
            JsonToken value = json.nextToken();
            if (at < 0) {
                if (read.others != null && read.others.containsKey(name)) {
                    throw MISFIT;
                }
                read.keep(name, plain(name, json, value));
                continue;
            }
            if ((seen & (1 << at)) != 0) {
                throw MISFIT;
            }
            seen |= 1 << at;
            Object typed = shape[at].type().read(json, value);
            if (typed == OTHER_TYPE) {
                read.keep(name, plain(name, json, value));
            } else if (typed instanceof Kept kept) {
                read.keep(name, kept.plain());
            } else {
                read.modelled[at] = typed;
            }
        }
        return read;
    }

    private static int indexOf(Member[] shape, String name) {
        for (int i = 0; i < shape.length; i++) {
            if (shape[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Object plain(String name, JsonParser json, JsonToken token) throws IOException, Misfit {
        try {
            return ExtensionValueReader.plain(name, json, token);
        } catch (AuditDataException duplicateMember) {
            throw MISFIT;
        }
    }

    private static Object parentFolder(JsonParser json, JsonToken token) throws IOException, Misfit {
        return token == JsonToken.START_OBJECT ? folderRef(json, token) : OTHER_TYPE;
    }

    /**
     * A folder's {@code FolderItems}: the items, or, when it is not a non-empty list of items (the writer leaves an
     * empty one out; an entry without identity), the value as written.
     */
    private static Object folderItemList(JsonParser json, JsonToken token) throws IOException, Misfit {
        if (token != JsonToken.START_ARRAY) {
            return OTHER_TYPE;
        }
        List<ItemRef> items = new ArrayList<>();
        for (JsonToken next = json.nextToken(); next != JsonToken.END_ARRAY; next = json.nextToken()) {
            if (next == null) {
                throw MISFIT;
            }
            items.add(itemRef(json, next));
        }
        return items.isEmpty() ? new Kept(new ArrayList<>()) : items;
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

    private static Object text(JsonParser json, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_STRING ? json.getText() : OTHER_TYPE;
    }

    /** An integer that fits a long, as Jackson's {@code canConvertToLong} says. */
    private static Object size(JsonParser json, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            return OTHER_TYPE;
        }
        return switch (json.getNumberType()) {
            case INT, LONG -> json.getLongValue();
            default -> json.getBigIntegerValue().bitLength() >= Long.SIZE ? OTHER_TYPE : json.getLongValue();
        };
    }
}
