package dev.mailtrail.app.pipeline;

import dev.mailtrail.store.journal.JournalRepair;
import dev.mailtrail.store.log.Checkpoint;
import java.time.Instant;

/**
 * The {@link PipelineEntry.Loss} a repair journals: one for each damage set aside, or one saying the journal ends
 * before what the stores hold (a segment deleted or cut). Its cmdlet line is what the admin record shows, so it
 * names everything an investigator needs: the journal range, the bytes set aside and where, and who found it.
 */
final class JournalLoss {
    /** The admin record's Operation: the cmdlet the audit core knows for it. */
    static final String OPERATION = "Add-MailTrailJournalDamage";

    private JournalLoss() {}

    static PipelineEntry.Loss of(
            JournalRepair.Damage damage, long journalEnd, Checkpoint stored, Instant now, String foundBy) {
        String line = OPERATION
                + " -Segment " + quoted(damage.segment().getFileName().toString())
                + " -Offset " + damage.offset()
                + " -FirstLostSequence " + damage.firstLostSequence()
                + " -JournalEndsAt " + journalEnd
                + " -StoresReachSequence " + stored.journalSequence()
                + " -StoredRecords " + stored.records()
                + " -BytesMovedAside " + damage.bytesMoved()
                + " -SegmentsMovedAside " + damage.segmentsMoved()
                + " -MovedTo " + quoted(damage.movedTo().toString())
                + " -Problem " + quoted(damage.problem())
                + " -FoundBy " + quoted(foundBy);
        return new PipelineEntry.Loss(now, actor(), stored.records(), stored.journalSequence(), line);
    }

    /** The journal ends at {@code journalEnd} (made {@code made} records) while the stores hold {@code stored}. */
    static PipelineEntry.Loss storesAhead(long journalEnd, long made, Checkpoint stored, Instant now, String foundBy) {
        String line = OPERATION
                + " -FirstLostSequence " + (journalEnd + 1)
                + " -JournalEndsAt " + journalEnd
                + " -StoresReachSequence " + stored.journalSequence()
                + " -StoredRecords " + stored.records()
                + " -Problem "
                + quoted("the stores hold " + stored.records() + " records up to journal sequence "
                        + stored.journalSequence() + "; the journal ends at " + journalEnd + " and made " + made
                        + ": journal segments deleted or cut")
                + " -FoundBy " + quoted(foundBy);
        return new PipelineEntry.Loss(now, actor(), stored.records(), stored.journalSequence(), line);
    }

    /** The operating-system account that ran the repair. */
    private static String actor() {
        return System.getProperty("user.name", "unknown");
    }

    private static String quoted(String text) {
        return "\"" + text.replace('"', '\'').replace('\n', ' ') + "\"";
    }
}
