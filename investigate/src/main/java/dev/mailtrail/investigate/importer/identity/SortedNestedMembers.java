package dev.mailtrail.investigate.importer.identity;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The record with the unmodelled members of its nested values ({@code Sensitivity} and {@code ImmutableId} of an
 * item, {@code FolderClass} of a folder …) sorted by name at every depth, as the top level's are, so that the order
 * an exporter wrote them in does not change the identity.
 */
final class SortedNestedMembers {
    private SortedNestedMembers() {}

    /** Whether any nested value of the record has unmodelled members; most records have none. */
    static boolean any(AuditRecord record) {
        return some(record.operationProperties(), pair -> !pair.extensions().isEmpty())
                || some(record.parameters(), pair -> !pair.extensions().isEmpty())
                || (record.item() != null && has(record.item()))
                || has(record.folder())
                || has(record.destFolder())
                || some(record.affectedItems(), SortedNestedMembers::has)
                || some(
                        record.folders(),
                        folder -> !folder.extensions().isEmpty()
                                || some(folder.folderItems(), item -> !item.extensions()
                                        .isEmpty()))
                || some(record.syncedItems(), item -> !item.extensions().isEmpty());
    }

    static AuditRecord.Builder sort(AuditRecord record, AuditRecord.Builder canonical) {
        return canonical
                .operationProperties(each(record.operationProperties(), SortedNestedMembers::pair))
                .parameters(each(record.parameters(), SortedNestedMembers::pair))
                .item(record.item() == null ? null : item(record.item()))
                .folder(folder(record.folder()))
                .destFolder(folder(record.destFolder()))
                .affectedItems(each(record.affectedItems(), SortedNestedMembers::item))
                .folders(each(
                        record.folders(),
                        folder -> new FolderItems(
                                folder.id(),
                                folder.path(),
                                each(folder.folderItems(), SortedNestedMembers::ref),
                                sorted(folder.extensions()))))
                .syncedItems(each(record.syncedItems(), SortedNestedMembers::ref));
    }

    private static boolean has(RecordItem item) {
        return !item.extensions().isEmpty() || has(item.parentFolder());
    }

    private static boolean has(FolderRef folder) {
        return folder != null && !folder.extensions().isEmpty();
    }

    private static <T> boolean some(List<T> values, Function<T, Boolean> test) {
        if (values != null) {
            for (T value : values) {
                if (test.apply(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static NameValue pair(NameValue pair) {
        return new NameValue(pair.name(), pair.value(), sorted(pair.extensions()));
    }

    private static FolderRef folder(FolderRef folder) {
        return folder == null ? null : new FolderRef(folder.id(), folder.path(), sorted(folder.extensions()));
    }

    private static RecordItem item(RecordItem item) {
        return new RecordItem(
                item.id(),
                item.subject(),
                item.internetMessageId(),
                item.sizeInBytes(),
                folder(item.parentFolder()),
                sorted(item.extensions()));
    }

    private static ItemRef ref(ItemRef item) {
        return new ItemRef(
                item.internetMessageId(), item.id(), item.sizeInBytes(), item.subject(), sorted(item.extensions()));
    }

    private static <T> List<T> each(List<T> values, UnaryOperator<T> change) {
        if (values == null) {
            return null;
        }
        List<T> changed = new ArrayList<>(values.size());
        values.forEach(value -> changed.add(change.apply(value)));
        return changed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sorted(Map<String, Object> members) {
        return members.isEmpty() ? members : (Map<String, Object>) RecordIdentifier.sorted(members);
    }
}
