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
        String[] members = members(json, token, "Name", "Value");
        return new NameValue(members[0], members[1]);
    }

    static FolderRef folderRef(JsonParser json, JsonToken token) throws IOException, Misfit {
        String[] members = members(json, token, "Id", "Path");
        return new FolderRef(members[0], members[1]);
    }

    static RecordItem recordItem(JsonParser json, JsonToken token) throws IOException, Misfit {
        object(token);
        String id = null;
        String subject = null;
        String internetMessageId = null;
        Long size = null;
        FolderRef parentFolder = null;
        int seen = 0;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            switch (name) {
                case "Id" -> {
                    seen = first(seen, 1);
                    id = text(json, value);
                }
                case "Subject" -> {
                    seen = first(seen, 2);
                    subject = text(json, value);
                }
                case "InternetMessageId" -> {
                    seen = first(seen, 4);
                    internetMessageId = text(json, value);
                }
                case "SizeInBytes" -> {
                    seen = first(seen, 8);
                    size = size(json, value);
                }
                case "ParentFolder" -> {
                    seen = first(seen, 16);
                    parentFolder = folderRef(json, value);
                }
                default -> throw MISFIT;
            }
        }
        return new RecordItem(id, subject, internetMessageId, size, parentFolder);
    }

    private static FolderItems folderItems(JsonParser json, JsonToken token) throws IOException, Misfit {
        object(token);
        String id = null;
        String path = null;
        List<ItemRef> items = List.of();
        int seen = 0;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            switch (name) {
                case "Id" -> {
                    seen = first(seen, 1);
                    id = text(json, value);
                }
                case "Path" -> {
                    seen = first(seen, 2);
                    path = text(json, value);
                }
                case "FolderItems" -> {
                    seen = first(seen, 4);
                    items = itemRefs(json, value);
                    // The writer leaves an empty FolderItems out, so only a non-empty one reads back the same.
                    if (items.isEmpty()) {
                        throw MISFIT;
                    }
                }
                default -> throw MISFIT;
            }
        }
        return new FolderItems(id, path, items);
    }

    private static ItemRef itemRef(JsonParser json, JsonToken token) throws IOException, Misfit {
        object(token);
        String internetMessageId = null;
        String id = null;
        Long size = null;
        String subject = null;
        int seen = 0;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            switch (name) {
                case "InternetMessageId" -> {
                    seen = first(seen, 1);
                    internetMessageId = text(json, value);
                }
                case "Id" -> {
                    seen = first(seen, 2);
                    id = text(json, value);
                }
                case "SizeInBytes" -> {
                    seen = first(seen, 4);
                    size = size(json, value);
                }
                case "Subject" -> {
                    seen = first(seen, 8);
                    subject = text(json, value);
                }
                default -> throw MISFIT;
            }
        }
        // ItemRef refuses an item with neither identity; such an entry stays as Microsoft wrote it.
        if (internetMessageId == null && id == null) {
            throw MISFIT;
        }
        return new ItemRef(internetMessageId, id, size, subject);
    }

    /** An object of two text members, both optional, as {@code [first, second]}. */
    private static String[] members(JsonParser json, JsonToken token, String first, String second)
            throws IOException, Misfit {
        object(token);
        String[] values = new String[2];
        int seen = 0;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            int at = name.equals(first) ? 0 : name.equals(second) ? 1 : -1;
            if (at < 0) {
                throw MISFIT;
            }
            seen = first(seen, 1 << at);
            values[at] = text(json, value);
        }
        return values;
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

    private static void object(JsonToken token) throws Misfit {
        if (token != JsonToken.START_OBJECT) {
            throw MISFIT;
        }
    }

    /** The members seen with this one's bit added; a member given twice is no shape (the tree refuses it). */
    private static int first(int seen, int bit) throws Misfit {
        if ((seen & bit) != 0) {
            throw MISFIT;
        }
        return seen | bit;
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
