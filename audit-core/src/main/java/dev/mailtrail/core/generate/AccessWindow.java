package dev.mailtrail.core.generate;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An open aggregation window: the accesses of one context (and, for Sync, one folder) since {@code start}.
 * Holds the first event for the record's session fields, the folders in first-seen order with their items,
 * and how many operations it aggregates.
 */
final class AccessWindow {
    final Object key;
    final MailboxAccess first;
    final Instant start;
    final Instant closesAt;
    /** {@code closesAt} as plain fields: windows are compared on every event, without touching an Instant. */
    private final long closesAtSecond;

    private final int closesAtNano;
    /** Most windows read in one folder: it is kept apart from the (rarely needed) map of the others. */
    private FolderRef firstFolder;

    private List<ItemRef> firstItems;
    private Map<FolderRef, List<ItemRef>> moreFolders;
    /** The items of a Sync window so far, by folder and identity (null for a Bind window: de-duplicated apart). */
    private Set<String> added;

    int operationCount;
    /** Set once the window has been turned into a record (or suppressed); see {@link ClosingWindows}. */
    boolean closed;

    AccessWindow(Object key, MailboxAccess first, Instant closesAt) {
        this.key = key;
        this.first = first;
        this.start = first.time();
        this.closesAt = closesAt;
        this.closesAtSecond = closesAt.getEpochSecond();
        this.closesAtNano = closesAt.getNano();
    }

    /** A window already closed that still holds its place in the queue: only its times matter. */
    static AccessWindow placeholder(Instant start, Instant closesAt) {
        AccessWindow window = new AccessWindow(null, null, start, closesAt);
        window.closed = true;
        return window;
    }

    private AccessWindow(Object key, MailboxAccess first, Instant start, Instant closesAt) {
        this.key = key;
        this.first = first;
        this.start = start;
        this.closesAt = closesAt;
        this.closesAtSecond = closesAt.getEpochSecond();
        this.closesAtNano = closesAt.getNano();
    }

    GeneratorState.Window export() {
        if (closed) {
            return new GeneratorState.Window(null, start, closesAt, 0, List.of());
        }
        List<GeneratorState.WindowFolder> folders = new ArrayList<>(folderCount());
        forEachFolder((folder, items) -> folders.add(new GeneratorState.WindowFolder(folder, List.copyOf(items))));
        return new GeneratorState.Window(first, start, closesAt, operationCount, folders);
    }

    /** Fills a window opened again from a snapshot: the same folders and items in the same order. */
    void restore(GeneratorState.Window saved, boolean sync) {
        for (GeneratorState.WindowFolder folder : saved.folders()) {
            addFolder(folder.folder());
            for (ItemRef item : folder.items()) {
                if (sync) {
                    addOnce(folder.folder(), item);
                } else {
                    add(folder.folder(), item);
                }
            }
        }
        operationCount = saved.operationCount();
    }

    void add(FolderRef folder, ItemRef item) {
        addFolder(folder).add(item);
    }

    /** Adds {@code item} unless the window already holds it: a Sync lists each message that went out once. */
    void addOnce(FolderRef folder, ItemRef item) {
        if (added == null) {
            added = new HashSet<>();
        }
        if (added.add(folder.path() + '\u0000' + item.identity())) {
            addFolder(folder).add(item);
        }
    }

    List<ItemRef> addFolder(FolderRef folder) {
        if (firstFolder == null) {
            firstFolder = folder;
            firstItems = new ArrayList<>(4);
            return firstItems;
        }
        if (folder == firstFolder || folder.equals(firstFolder)) {
            return firstItems;
        }
        if (moreFolders == null) {
            moreFolders = new LinkedHashMap<>(4);
        }
        return moreFolders.computeIfAbsent(folder, f -> new ArrayList<>());
    }

    int folderCount() {
        return firstFolder == null ? 0 : 1 + (moreFolders == null ? 0 : moreFolders.size());
    }

    /** The folders in the order they were first read in, each with its items. */
    void forEachFolder(BiConsumer<FolderRef, List<ItemRef>> action) {
        if (firstFolder != null) {
            action.accept(firstFolder, firstItems);
            if (moreFolders != null) {
                moreFolders.forEach(action);
            }
        }
    }

    boolean coversTime(Instant time) {
        long second = time.getEpochSecond();
        return second < closesAtSecond || second == closesAtSecond && time.getNano() < closesAtNano;
    }

    /** Whether the window's two minutes are over at {@code now}. */
    boolean closedAt(Instant now) {
        return !coversTime(now);
    }

    /** Orders windows by when they close. */
    static int byClosingTime(AccessWindow a, AccessWindow b) {
        int bySecond = Long.compare(a.closesAtSecond, b.closesAtSecond);
        return bySecond != 0 ? bySecond : Integer.compare(a.closesAtNano, b.closesAtNano);
    }
}
