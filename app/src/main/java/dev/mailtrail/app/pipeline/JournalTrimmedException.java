package dev.mailtrail.app.pipeline;

import dev.mailtrail.store.log.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The journal no longer holds where a replay must start: its segments before {@code first} were deleted once snapshots
 * and stores covered them, and no snapshot that the stores' commits cover can be used. A store rebuilt by deleting its
 * directory cannot be filled again from a journal that no longer starts at sequence 1.
 */
public final class JournalTrimmedException extends IOException {
    JournalTrimmedException(Path journal, long first, long from, Checkpoint stored, List<String> fallbacks) {
        super(journal + " begins at sequence " + first + " (segments before it were deleted once snapshots covered"
                + " them), but opening must replay from sequence " + from + ": the stores hold " + stored.records()
                + " records up to journal sequence " + stored.journalSequence() + " and no snapshot at or after"
                + " sequence " + (first - 1) + " that they cover can be used"
                + (fallbacks.isEmpty() ? "" : " (" + String.join("; ", fallbacks) + ")")
                + ". A store whose directory was deleted can only be rebuilt from a journal that starts at sequence 1;"
                + " restore the store (or the missing snapshots) from a backup.");
    }
}
