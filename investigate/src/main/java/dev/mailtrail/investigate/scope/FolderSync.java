package dev.mailtrail.investigate.scope;

import dev.mailtrail.core.event.ItemRef;
import java.time.Instant;
import java.util.List;

/**
 * A folder the attacker took whole: a MailItemsAccessed Sync record. Microsoft's guidance is that every item in
 * it must be assumed read; MailTrail's own Sync records list the items ({@code MailTrailSyncedItems}).
 *
 * @param syncedItems how many items MailTrail recorded as synced, or null where the record does not say (Exchange)
 * @param items the items MailTrail's Sync record lists (InternetMessageId, size, subject), empty for Exchange's
 */
public record FolderSync(Instant time, String folder, Integer syncedItems, List<ItemRef> items, AccessContext access) {
    public FolderSync {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public FolderSync(Instant time, String folder, Integer syncedItems, AccessContext access) {
        this(time, folder, syncedItems, List.of(), access);
    }
}
