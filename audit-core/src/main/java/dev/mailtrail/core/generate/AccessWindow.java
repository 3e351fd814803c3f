package dev.mailtrail.core.generate;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An open aggregation window: the accesses of one context (and, for Sync, one folder) since {@code start}.
 * Holds the first event for the record's session fields, the folders in first-seen order with their items,
 * and how many operations it aggregates.
 */
final class AccessWindow {
    final Object key;
    /** Opening order: windows that close at the same instant close in the order they opened. */
    final long sequence;

    final MailboxAccess first;
    final Instant start;
    final Instant closesAt;
    final Map<FolderRef, List<ItemRef>> folders = new LinkedHashMap<>(4);
    int operationCount;

    AccessWindow(Object key, long sequence, MailboxAccess first, Instant closesAt) {
        this.key = key;
        this.sequence = sequence;
        this.first = first;
        this.start = first.time();
        this.closesAt = closesAt;
    }

    void add(FolderRef folder, ItemRef item) {
        addFolder(folder).add(item);
    }

    List<ItemRef> addFolder(FolderRef folder) {
        return folders.computeIfAbsent(folder, f -> new ArrayList<>());
    }

    boolean coversTime(Instant time) {
        return time.isBefore(closesAt);
    }
}
