package dev.mailtrail.app.verify;

import dev.mailtrail.store.journal.JournalVerifier;
import dev.mailtrail.store.log.Checkpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code mt verify}'s journal part: every frame of the journal reads back with contiguous sequence numbers, and the
 * journal reaches each store's last commit (a store ahead of its journal holds records whose events are gone). Kept
 * apart from the chain checks so that each can change on its own.
 */
final class JournalCrossCheck {
    static final String JOURNAL = "journal";

    private JournalCrossCheck() {}

    /** Prints what it found; returns whether the journal is intact and covers the stores. */
    static boolean check(Path directory, List<String> stores, PrintWriter out) {
        Path journal = directory.resolve(JOURNAL);
        if (!Files.isDirectory(journal)) {
            boolean anyStore = stores.stream().anyMatch(s -> Files.exists(directory.resolve(s)));
            out.println("journal: " + (anyStore ? "MISSING — the stores exist but " + journal + " does not" : "none"));
            return !anyStore;
        }
        JournalVerifier.Report report;
        try {
            report = JournalVerifier.verify(journal);
        } catch (IOException e) {
            out.println("journal: cannot be read: " + e.getMessage());
            return false;
        }
        boolean intact = report.intact();
        for (Map.Entry<String, Checkpoint> stored :
                StoreCheckpoints.of(directory, stores).entrySet()) {
            String store = stored.getKey();
            Checkpoint checkpoint = stored.getValue();
            if (checkpoint.journalSequence() > report.lastSequence()) {
                intact = false;
                out.println("journal: SHORT — " + store + " reaches journal sequence "
                        + checkpoint.journalSequence() + " (" + checkpoint.records()
                        + " records), the journal ends at " + report.lastSequence()
                        + ": events of stored records are missing from the journal");
            }
        }
        out.println("journal: " + (intact ? "intact" : "DAMAGED") + " — "
                + Math.max(0, report.lastSequence() - report.firstSequence() + 1) + " events in " + report.segments()
                + " segments read back, sequence numbers contiguous"
                + (report.firstSequence() > 1
                        ? " from " + report.firstSequence() + " (the segments before it were deleted once snapshots"
                                + " covered them)"
                        : "")
                + (report.intact() ? "" : " up to the damage"));
        for (String damage : report.damage()) {
            out.println("  damaged: " + damage);
        }
        if (report.tornTail() != null) {
            out.println("  note: " + report.tornTail());
        }
        return intact;
    }
}
