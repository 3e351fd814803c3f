package dev.mailtrail.investigate.importer.mailbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.investigate.importer.decode.AuditDataTree;
import dev.mailtrail.investigate.importer.decode.ColumnValues;
import java.io.IOException;

/**
 * Where Search-MailboxAuditLog's item and folder columns go in AuditData, by record type: a MailItemsAccessed
 * record's {@code Folders} (from {@code AggregatedRecordFoldersData}, or a Sync record's one folder), a move or
 * delete's {@code Folder} and {@code DestFolder}, a single-item action's {@code Item} with its
 * {@code ParentFolder}. Columns that fit none stay under their own names.
 */
final class ItemColumns {
    private static final JsonMapper JSON = new JsonMapper();

    private ItemColumns() {}

    static void place(ColumnValues row, AuditDataTree tree, boolean itemGroup, boolean aggregated) {
        ObjectNode folder = folder(row.peekText("FolderId"), row.peekText("FolderPathName"));
        if (aggregated) {
            folders(row, tree, folder);
        } else if (itemGroup) {
            take(row, "FolderId", "FolderPathName");
            tree.node("Folder", folder);
            ObjectNode destination = folder(row.takeText("DestFolderId"), row.takeText("DestFolderPathName"));
            tree.node("DestFolder", destination);
            if (hasItem(row)) {
                // A move or delete of one item names it in the Item columns; AuditData lists it in AffectedItems.
                tree.node("AffectedItems", JsonNodeFactory.instance.arrayNode().add(item(row, folder)));
            }
        } else if (hasItem(row)) {
            take(row, "FolderId", "FolderPathName");
            tree.node("Item", item(row, folder));
        }
    }

    private static ObjectNode item(ColumnValues row, ObjectNode folder) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        put(item, "Id", row.takeText("ItemId"));
        put(item, "Subject", row.takeText("ItemSubject"));
        put(item, "InternetMessageId", row.takeText("ItemInternetMessageId"));
        if (folder != null) {
            item.set("ParentFolder", folder);
        }
        return item;
    }

    private static void folders(ColumnValues row, AuditDataTree tree, ObjectNode folder) {
        String aggregated = row.peekText("AggregatedRecordFoldersData");
        JsonNode folders = aggregated == null ? null : json(aggregated);
        if (folders != null && folders.isArray()) {
            row.take("AggregatedRecordFoldersData");
            tree.node("Folders", folders);
        } else if (aggregated == null && folder != null) {
            // A Sync record names the one folder taken; Exchange's AuditData puts it in Folders without items.
            take(row, "FolderId", "FolderPathName");
            tree.node("Folders", JsonNodeFactory.instance.arrayNode().add(folder));
        }
    }

    private static boolean hasItem(ColumnValues row) {
        return row.peekText("ItemId") != null
                || row.peekText("ItemSubject") != null
                || row.peekText("ItemInternetMessageId") != null;
    }

    private static ObjectNode folder(String id, String path) {
        if (id == null && path == null) {
            return null;
        }
        ObjectNode folder = JsonNodeFactory.instance.objectNode();
        put(folder, "Id", id);
        put(folder, "Path", path);
        return folder;
    }

    private static void put(ObjectNode object, String name, String value) {
        if (value != null) {
            object.put(name, value);
        }
    }

    private static void take(ColumnValues row, String... names) {
        for (String name : names) {
            row.take(name);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            // Kept as the export wrote it, under its own name.
            return null;
        }
    }
}
