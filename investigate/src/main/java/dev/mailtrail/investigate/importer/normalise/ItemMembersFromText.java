package dev.mailtrail.investigate.importer.normalise;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An item's members given as text ({@code Item}, {@code AffectedItems[]}, {@code Folders[].FolderItems[]},
 * {@code MailTrailSyncedItems[]}): {@code SizeInBytes} as {@code "48213"}, as some exporters write every value, and
 * {@code ParentFolder} as PowerShell's {@code "@{Id=…; Path=\Inbox}"}, read from the text, which stays the item's
 * extension of that name (the writer ignores it while the member is set), or, {@link #restore restored}, back in
 * the member's place.
 *
 * <p>Stateless; returns the same instance when nothing changes, which is nearly every record.
 */
final class ItemMembersFromText {
    static final String SIZE_IN_BYTES = "SizeInBytes";
    static final String PARENT_FOLDER = "ParentFolder";

    private ItemMembersFromText() {}

    static AuditRecord typed(AuditRecord record) {
        return map(record, ItemMembersFromText::typed, ItemMembersFromText::typed);
    }

    static AuditRecord restore(AuditRecord record) {
        return map(record, ItemMembersFromText::restored, ItemMembersFromText::restored);
    }

    private static AuditRecord map(AuditRecord record, UnaryOperator<RecordItem> items, UnaryOperator<ItemRef> refs) {
        RecordItem item = record.item() == null ? null : items.apply(record.item());
        List<RecordItem> affected = each(record.affectedItems(), items);
        List<FolderItems> folders = folders(record.folders(), refs);
        List<ItemRef> synced = each(record.syncedItems(), refs);
        if (item == record.item()
                && affected == record.affectedItems()
                && folders == record.folders()
                && synced == record.syncedItems()) {
            return record;
        }
        return record.toBuilder()
                .item(item)
                .affectedItems(affected)
                .folders(folders)
                .syncedItems(synced)
                .build();
    }

    private static List<FolderItems> folders(List<FolderItems> folders, UnaryOperator<ItemRef> refs) {
        return each(folders, folder -> {
            List<ItemRef> items = each(folder.folderItems(), refs);
            return items == folder.folderItems()
                    ? folder
                    : new FolderItems(folder.id(), folder.path(), items, folder.extensions());
        });
    }

    /** The list with each element mapped, or the same list when no element changed. */
    private static <T> List<T> each(List<T> values, UnaryOperator<T> change) {
        if (values == null) {
            return null;
        }
        List<T> changed = null;
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            T mapped = change.apply(value);
            if (mapped != value && changed == null) {
                changed = new ArrayList<>(values);
            }
            if (changed != null) {
                changed.set(i, mapped);
            }
        }
        return changed == null ? values : changed;
    }

    private static RecordItem typed(RecordItem item) {
        Long size = sizeText(item.sizeInBytes(), item.extensions());
        FolderRef parent = item.parentFolder() == null
                ? PowerShellObjectText.folder(item.extensions().get(PARENT_FOLDER))
                : null;
        return size == null && parent == null
                ? item
                : new RecordItem(
                        item.id(),
                        item.subject(),
                        item.internetMessageId(),
                        size != null ? size : item.sizeInBytes(),
                        parent != null ? parent : item.parentFolder(),
                        item.extensions());
    }

    private static ItemRef typed(ItemRef item) {
        Long size = sizeText(item.sizeInBytes(), item.extensions());
        return size == null
                ? item
                : new ItemRef(item.internetMessageId(), item.id(), size, item.subject(), item.extensions());
    }

    private static RecordItem restored(RecordItem item) {
        boolean size = item.sizeInBytes() != null && item.extensions().containsKey(SIZE_IN_BYTES);
        boolean parent = item.parentFolder() != null && item.extensions().containsKey(PARENT_FOLDER);
        return !size && !parent
                ? item
                : new RecordItem(
                        item.id(),
                        item.subject(),
                        item.internetMessageId(),
                        size ? null : item.sizeInBytes(),
                        parent ? null : item.parentFolder(),
                        item.extensions());
    }

    private static ItemRef restored(ItemRef item) {
        return item.sizeInBytes() == null || !item.extensions().containsKey(SIZE_IN_BYTES)
                ? item
                : new ItemRef(item.internetMessageId(), item.id(), null, item.subject(), item.extensions());
    }

    /** The size the text says, when the size is not set and its extension is integer text. */
    private static Long sizeText(Long size, Map<String, Object> extensions) {
        if (size != null || extensions.isEmpty() || !(extensions.get(SIZE_IN_BYTES) instanceof String text)) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            // Left as the export wrote it; the record's warnings name it.
            return null;
        }
    }
}
