package dev.mailtrail.investigate.scope;

import java.time.Instant;

/**
 * A folder the attacker took whole: a MailItemsAccessed Sync record. Microsoft's guidance is that every item in
 * it must be assumed read; MailTrail's own Sync records list the items ({@code MailTrailSyncedItems}).
 *
 * @param syncedItems how many items MailTrail recorded as synced, or null where the record does not say (Exchange)
 */
public record FolderSync(Instant time, String folder, Integer syncedItems, AccessContext access) {}
