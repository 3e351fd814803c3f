package dev.mailtrail.app.verify;

import dev.mailtrail.app.pipeline.snapshot.CoreSnapshots;
import dev.mailtrail.app.pipeline.snapshot.SnapshotFormatException;
import dev.mailtrail.store.journal.JournalVerifier;
import dev.mailtrail.store.log.Checkpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code mt verify}'s snapshot part (decision 0030): each snapshot of the audit core reads back with its checksum, the
 * records they cover grow with the journal sequence, the newest is within what the stores and the journal hold, and
 * the journal still follows on from the oldest — so that opening, and this command's own replay, can start there.
 */
final class SnapshotCheck {
    private SnapshotCheck() {}

    /** Prints what it found; returns whether every snapshot is intact and consistent. */
    static boolean check(Path directory, List<String> stores, PrintWriter out) {
        List<Path> files;
        JournalVerifier.Report journal;
        try {
            files = new CoreSnapshots(directory, 1).files();
            journal = JournalVerifier.verify(directory.resolve(JournalCrossCheck.JOURNAL));
        } catch (IOException e) {
            out.println("snapshots: cannot be read: " + e.getMessage());
            return false;
        }
        if (files.isEmpty()) {
            out.println("snapshots: none"
                    + (journal.firstSequence() > 1
                            ? " — DAMAGED: the journal begins at sequence " + journal.firstSequence()
                                    + " and nothing covers what came before it"
                            : " (opening replays the journal from its start)"));
            return journal.firstSequence() == 1;
        }
        List<String> problems = new ArrayList<>();
        List<CoreSnapshots.Header> valid = new ArrayList<>();
        for (Path file : files.reversed()) {
            try {
                CoreSnapshots.Header header = CoreSnapshots.load(file).header();
                if (!valid.isEmpty() && header.records() < valid.getLast().records()) {
                    problems.add(file + ": covers " + header.records() + " records, fewer than the snapshot before it ("
                            + valid.getLast().records() + ")");
                }
                valid.add(header);
            } catch (SnapshotFormatException e) {
                problems.add(file + ": " + e.getMessage() + " (opening falls back to the snapshot before it)");
            }
        }
        if (!valid.isEmpty()) {
            CoreSnapshots.Header newest = valid.getLast();
            if (newest.journalSequence() > journal.lastSequence()) {
                problems.add("the newest snapshot covers journal sequence " + newest.journalSequence()
                        + ", beyond the journal's end at " + journal.lastSequence());
            }
            for (Map.Entry<String, Checkpoint> stored :
                    StoreCheckpoints.of(directory, stores).entrySet()) {
                String store = stored.getKey();
                Checkpoint checkpoint = stored.getValue();
                if (newest.records() > checkpoint.records()) {
                    problems.add("the newest snapshot covers " + newest.records() + " records, " + store + " holds "
                            + checkpoint.records() + " (opening uses an older snapshot)");
                }
            }
            if (valid.getFirst().journalSequence() + 1 < journal.firstSequence()
                    && newest.journalSequence() + 1 < journal.firstSequence()) {
                problems.add("the journal begins at sequence " + journal.firstSequence()
                        + ", after every snapshot: events between them are missing");
            }
        }
        boolean intact = problems.isEmpty();
        out.println("snapshots: " + (intact ? "intact" : "DAMAGED") + " — " + valid.size() + " of " + files.size()
                + " read back with their checksums"
                + (valid.isEmpty()
                        ? ""
                        : ", the newest at journal sequence " + valid.getLast().journalSequence() + " ("
                                + valid.getLast().records() + " records), the oldest at "
                                + valid.getFirst().journalSequence())
                + "; the journal begins at sequence " + journal.firstSequence());
        for (String problem : problems) {
            out.println("  damaged: " + problem);
        }
        return intact;
    }
}
