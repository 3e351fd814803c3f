package dev.mailtrail.format.auditdata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes AuditData's nested shapes (items, folders, Name/Value pairs): the modelled members in Exchange's order, a
 * null one left out, then the value's extensions in their order. As at the top level, an extension named like a
 * modelled member is what the export wrote there in another type; it is written in the member's place while the
 * modelled value is null, and ignored once it is set (an importer's normalised {@code SizeInBytes}).
 */
final class NestedShapeWriter {
    private static final SerializedString NAME = new SerializedString("Name");
    private static final SerializedString VALUE = new SerializedString("Value");
    private static final SerializedString ID = new SerializedString("Id");
    private static final SerializedString PATH = new SerializedString("Path");
    private static final SerializedString SUBJECT = new SerializedString("Subject");
    private static final SerializedString INTERNET_MESSAGE_ID = new SerializedString("InternetMessageId");
    private static final SerializedString SIZE_IN_BYTES = new SerializedString("SizeInBytes");
    private static final SerializedString PARENT_FOLDER = new SerializedString("ParentFolder");
    private static final SerializedString FOLDER_ITEMS = new SerializedString("FolderItems");

    private static final Set<String> NAME_VALUE = Set.of("Name", "Value");
    private static final Set<String> FOLDER_REF = Set.of("Id", "Path");
    private static final Set<String> RECORD_ITEM =
            Set.of("Id", "Subject", "InternetMessageId", "SizeInBytes", "ParentFolder");
    private static final Set<String> ITEM_REF = Set.of("InternetMessageId", "Id", "SizeInBytes", "Subject");
    private static final Set<String> FOLDER_ITEMS_MEMBERS = Set.of("FolderItems", "Id", "Path");

    private NestedShapeWriter() {}

    static void nameValues(JsonGenerator json, List<NameValue> pairs) throws IOException {
        json.writeStartArray();
        for (NameValue pair : pairs) {
            Map<String, Object> kept = pair.extensions();
            json.writeStartObject();
            text(json, NAME, pair.name(), kept);
            text(json, VALUE, pair.value(), kept);
            others(json, kept, NAME_VALUE);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static void folderRef(JsonGenerator json, FolderRef folder) throws IOException {
        Map<String, Object> kept = folder.extensions();
        json.writeStartObject();
        text(json, ID, folder.id(), kept);
        text(json, PATH, folder.path(), kept);
        others(json, kept, FOLDER_REF);
        json.writeEndObject();
    }

    static void recordItem(JsonGenerator json, RecordItem item) throws IOException {
        Map<String, Object> kept = item.extensions();
        json.writeStartObject();
        text(json, ID, item.id(), kept);
        text(json, SUBJECT, item.subject(), kept);
        text(json, INTERNET_MESSAGE_ID, item.internetMessageId(), kept);
        size(json, item.sizeInBytes(), kept);
        if (modelledOrKept(json, PARENT_FOLDER, item.parentFolder(), kept)) {
            folderRef(json, item.parentFolder());
        }
        others(json, kept, RECORD_ITEM);
        json.writeEndObject();
    }

    static void recordItems(JsonGenerator json, List<RecordItem> items) throws IOException {
        json.writeStartArray();
        for (RecordItem item : items) {
            recordItem(json, item);
        }
        json.writeEndArray();
    }

    /** {@code Folders[]}; a Sync record's folder has no items, and Exchange then leaves FolderItems out. */
    static void folders(JsonGenerator json, List<FolderItems> folders) throws IOException {
        json.writeStartArray();
        for (FolderItems folder : folders) {
            Map<String, Object> kept = folder.extensions();
            json.writeStartObject();
            if (modelledOrKept(json, FOLDER_ITEMS, folder.folderItems().isEmpty() ? null : folder, kept)) {
                itemRefs(json, folder.folderItems());
            }
            text(json, ID, folder.id(), kept);
            text(json, PATH, folder.path(), kept);
            others(json, kept, FOLDER_ITEMS_MEMBERS);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static void itemRefs(JsonGenerator json, List<ItemRef> items) throws IOException {
        json.writeStartArray();
        for (ItemRef item : items) {
            Map<String, Object> kept = item.extensions();
            json.writeStartObject();
            text(json, INTERNET_MESSAGE_ID, item.internetMessageId(), kept);
            text(json, ID, item.id(), kept);
            size(json, item.sizeInBytes(), kept);
            text(json, SUBJECT, item.subject(), kept);
            others(json, kept, ITEM_REF);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void text(JsonGenerator json, SerializableString name, String value, Map<String, Object> kept)
            throws IOException {
        if (modelledOrKept(json, name, value, kept)) {
            json.writeString(value);
        }
    }

    private static void size(JsonGenerator json, Long sizeInBytes, Map<String, Object> kept) throws IOException {
        if (modelledOrKept(json, SIZE_IN_BYTES, sizeInBytes, kept)) {
            json.writeNumber(sizeInBytes.longValue());
        }
    }

    /**
     * Writes the member's name and returns true when the modelled value is set, so the caller writes it; otherwise
     * writes the same-named extension in full, if there is one, and returns false.
     */
    private static boolean modelledOrKept(
            JsonGenerator json, SerializableString name, Object value, Map<String, Object> kept) throws IOException {
        if (value != null) {
            json.writeFieldName(name);
            return true;
        }
        if (!kept.isEmpty() && kept.containsKey(name.getValue())) {
            json.writeFieldName(name);
            ExtensionValueWriter.write(json, kept.get(name.getValue()));
        }
        return false;
    }

    private static void others(JsonGenerator json, Map<String, Object> kept, Set<String> modelled) throws IOException {
        if (kept.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Object> member : kept.entrySet()) {
            if (!modelled.contains(member.getKey())) {
                json.writeFieldName(member.getKey());
                ExtensionValueWriter.write(json, member.getValue());
            }
        }
    }
}
