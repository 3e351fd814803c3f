package dev.mailtrail.core.record;

import dev.mailtrail.core.event.ItemRef;
import java.util.List;

/**
 * One entry of an aggregated record's {@code Folders[]}: the folder's {@code Id} and {@code Path} and the
 * {@code FolderItems[]} read in it (empty for a Sync record).
 */
public record FolderItems(String id, String path, List<ItemRef> folderItems) {
    public FolderItems {
        folderItems = folderItems == null ? List.of() : List.copyOf(folderItems);
    }
}
