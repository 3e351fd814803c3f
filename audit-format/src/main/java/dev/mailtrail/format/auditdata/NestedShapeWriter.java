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

/** Writes AuditData's nested shapes (items, folders, Name/Value pairs); a null member is left out. */
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

    private NestedShapeWriter() {}

    static void nameValues(JsonGenerator json, List<NameValue> pairs) throws IOException {
        json.writeStartArray();
        for (NameValue pair : pairs) {
            json.writeStartObject();
            text(json, NAME, pair.name());
            text(json, VALUE, pair.value());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static void folderRef(JsonGenerator json, FolderRef folder) throws IOException {
        json.writeStartObject();
        text(json, ID, folder.id());
        text(json, PATH, folder.path());
        json.writeEndObject();
    }

    static void recordItem(JsonGenerator json, RecordItem item) throws IOException {
        json.writeStartObject();
        text(json, ID, item.id());
        text(json, SUBJECT, item.subject());
        text(json, INTERNET_MESSAGE_ID, item.internetMessageId());
        size(json, item.sizeInBytes());
        if (item.parentFolder() != null) {
            json.writeFieldName(PARENT_FOLDER);
            folderRef(json, item.parentFolder());
        }
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
            json.writeStartObject();
            if (!folder.folderItems().isEmpty()) {
                json.writeFieldName(FOLDER_ITEMS);
                itemRefs(json, folder.folderItems());
            }
            text(json, ID, folder.id());
            text(json, PATH, folder.path());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static void itemRefs(JsonGenerator json, List<ItemRef> items) throws IOException {
        json.writeStartArray();
        for (ItemRef item : items) {
            json.writeStartObject();
            text(json, INTERNET_MESSAGE_ID, item.internetMessageId());
            text(json, ID, item.id());
            size(json, item.sizeInBytes());
            text(json, SUBJECT, item.subject());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void text(JsonGenerator json, SerializableString name, String value) throws IOException {
        if (value != null) {
            json.writeFieldName(name);
            json.writeString(value);
        }
    }

    private static void size(JsonGenerator json, Long sizeInBytes) throws IOException {
        if (sizeInBytes != null) {
            json.writeFieldName(SIZE_IN_BYTES);
            json.writeNumber(sizeInBytes.longValue());
        }
    }
}
