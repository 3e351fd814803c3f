package dev.mailtrail.core.record;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.Members;
import java.util.List;
import java.util.Map;

/**
 * One entry of an aggregated record's {@code Folders[]}: the folder's {@code Id} and {@code Path} and the
 * {@code FolderItems[]} read in it (empty for a Sync record), and the members MailTrail does not model
 * ({@code FolderClass} …) as exported ({@link Members}). A {@code FolderItems} that is not a list of items (an
 * empty list, PowerShell's {@code "System.Object[]"}) is among the extensions as written.
 */
public record FolderItems(String id, String path, List<ItemRef> folderItems, Map<String, Object> extensions) {
    public FolderItems {
        folderItems = folderItems == null ? List.of() : List.copyOf(folderItems);
        extensions = Members.copy(extensions);
    }

    public FolderItems(String id, String path, List<ItemRef> folderItems) {
        this(id, path, folderItems, Map.of());
    }
}
