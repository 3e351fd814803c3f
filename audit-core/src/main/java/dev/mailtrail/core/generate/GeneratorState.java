package dev.mailtrail.core.generate;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import java.time.Instant;
import java.util.List;

/**
 * Everything a {@link RecordGenerator} holds beyond its configuration, as plain values: what a snapshot keeps so that
 * a core restored from it decides exactly what the core it was taken from goes on to decide — the same records, in
 * the same order, with the same Ids. Layout that decides an outcome (which window closes first among those that
 * close together, which expired reads a table still holds) is kept as it was, not rebuilt.
 *
 * @param queuedWindows the windows in the order they opened (closed ones still queued are kept as placeholders)
 * @param lateWindows the windows that opened out of order, in their heap's own order
 * @param bindReads per Bind context, the reads de-duplication remembers
 * @param recentSyncs Sync de-duplication: folder and context, last recorded, oldest first
 * @param recentFolderBinds delegate FolderBind de-duplication, oldest first
 * @param throttle per mailbox, the MailItemsAccessed record times of the last 24 hours
 */
public record GeneratorState(
        List<Window> queuedWindows,
        List<Window> lateWindows,
        List<ContextReads> bindReads,
        Remembered recentSyncs,
        Remembered recentFolderBinds,
        List<MailboxRecordTimes> throttle,
        AuditStatistics statistics,
        long nextSweepMillis) {

    /** The fields that make a MailItemsAccessed context (a FolderBind key uses mailbox and actor only). */
    public record ContextKey(
            String mailbox,
            String actor,
            LogonType logonType,
            MailAccessType accessType,
            String clientIp,
            String clientInfo,
            String sessionId) {}

    /**
     * An open window, or a placeholder for one already closed that still holds its place in the queue ({@code
     * first} null, no folders).
     */
    public record Window(
            MailboxAccess first, Instant start, Instant closesAt, int operationCount, List<WindowFolder> folders) {
        public boolean closed() {
            return first == null;
        }
    }

    /** A folder of a window and its items, in the order they were added. */
    public record WindowFolder(FolderRef folder, List<ItemRef> items) {}

    /**
     * A context's de-duplication table as it lies: slot {@code slots[i]} of {@code capacity} holds the read of
     * {@code items[i]} in {@code folders[i]}, last recorded at {@code millis[i]}.
     */
    public record ContextReads(
            ContextKey context,
            int capacity,
            long lastRecordedMillis,
            int[] slots,
            String[] folders,
            String[] items,
            long[] millis) {}

    /** Keys remembered for a horizon, oldest first, with when each was recorded. */
    public record Remembered(List<ContextKey> contexts, List<String> folders, long[] millis, long nextExpiryMillis) {}

    /** A mailbox's MailItemsAccessed record times within 24 hours, oldest first, and until when Binds are throttled. */
    public record MailboxRecordTimes(String mailbox, long[] times, long throttledUntil) {}
}
