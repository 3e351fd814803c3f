package dev.mailtrail.app.pipeline;

import dev.mailtrail.store.journal.JournalRecovery;
import dev.mailtrail.store.log.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The stores hold more than the journal can make again: journal segments were deleted or cut after the stores
 * committed. Opening goes no further (new records would be numbered as ones already stored, and skipped); a repair
 * records the loss and goes on.
 */
public final class StoresAheadOfJournalException extends IOException {
    StoresAheadOfJournalException(
            Path journal, long journalEnd, long made, Checkpoint stored, JournalRecovery recovery) {
        super(journal + ": the stores' last commit reaches journal sequence " + stored.journalSequence() + " ("
                + stored.records() + " records), but the journal ends at sequence " + journalEnd + " and makes "
                + made + " records: the journal lost events (a segment deleted, cut or damaged)."
                + (recovery.tornBytes() > 0 && recovery.lastSegment() != null
                        ? " Its last segment " + recovery.lastSegment() + " ended in a bad frame at byte "
                                + sizeOf(recovery.lastSegment()) + " (the bytes after it are kept in "
                                + journal.resolve(JournalRecovery.TORN) + ")."
                        : "")
                + " Start with --repair to"
                + " record the loss in the audit log and go on.");
    }

    private static long sizeOf(Path segment) {
        try {
            return java.nio.file.Files.size(segment);
        } catch (IOException e) {
            return -1;
        }
    }
}
