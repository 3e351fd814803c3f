package dev.mailtrail.investigate.importer.normalise;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code SizeInBytes} of an item ({@code Item}, {@code AffectedItems[]}, {@code Folders[].FolderItems[]},
 * {@code MailTrailSyncedItems[]}) given as text ({@code "48213"}, as some exporters write every value): typed from
 * the text, which stays the item's extension of that name (the writer ignores it while the size is set), or,
 * {@link #restore restored}, back in the size's place.
 *
 * <p>Stateless; returns the same instance when nothing changes, which is nearly every record.
 */
final class NestedSizes {
    static final String SIZE_IN_BYTES = "SizeInBytes";

    private NestedSizes() {}

    static AuditRecord typed(AuditRecord record) {
        return map(record, NestedSizes::typed, NestedSizes::typed);
    }

    static AuditRecord restore(AuditRecord record) {
        return map(record, NestedSizes::restored, NestedSizes::restored);
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
        return size == null
                ? item
                : new RecordItem(
                        item.id(),
                        item.subject(),
                        item.internetMessageId(),
                        size,
                        item.parentFolder(),
                        item.extensions());
    }

    private static ItemRef typed(ItemRef item) {
        Long size = sizeText(item.sizeInBytes(), item.extensions());
        return size == null
                ? item
                : new ItemRef(item.internetMessageId(), item.id(), size, item.subject(), item.extensions());
    }

    private static RecordItem restored(RecordItem item) {
        return item.sizeInBytes() == null || !item.extensions().containsKey(SIZE_IN_BYTES)
                ? item
                : new RecordItem(
                        item.id(),
                        item.subject(),
                        item.internetMessageId(),
                        null,
                        item.parentFolder(),
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
