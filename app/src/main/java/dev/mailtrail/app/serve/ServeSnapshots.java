package dev.mailtrail.app.serve;

import dev.mailtrail.app.pipeline.SnapshotPolicy;
import dev.mailtrail.proxy.config.JournalSettings;

/**
 * The snapshot policy of {@code mt serve}: the pipeline's defaults, then what the file's {@code [journal]} section
 * sets, then {@code --journal-tail}, which wins over the file as {@code --anchors} does over {@code [anchors]}.
 */
final class ServeSnapshots {
    private ServeSnapshots() {}

    /** @param journalTailMib {@code --journal-tail}, or null when not given */
    static SnapshotPolicy policy(JournalSettings file, Long journalTailMib) {
        SnapshotPolicy policy = SnapshotPolicy.defaults();
        if (file.tailBytes() != null) {
            policy = policy.withJournalTailBytes(file.tailBytes());
        }
        if (file.snapshotInterval() != null) {
            policy = policy.withInterval(file.snapshotInterval());
        }
        if (file.snapshotEntries() != null) {
            policy = policy.withEntries(file.snapshotEntries());
        }
        if (journalTailMib != null) {
            policy = policy.withJournalTailBytes(Math.max(0, journalTailMib) << 20);
        }
        return policy;
    }
}
