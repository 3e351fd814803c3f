package dev.mailtrail.proxy.config;

import java.time.Duration;

/**
 * How much journal the data directory keeps and how often the audit core's state is snapshotted, as the file's
 * {@code [journal]} section says (decision 0030). Each is null when the file leaves it to the pipeline's default;
 * {@code mt serve --journal-tail} overrides {@code tailBytes}.
 *
 * @param tailBytes journal kept before what snapshots and the stores cover
 * @param snapshotInterval the most wall-clock time between snapshots while events arrive
 * @param snapshotEntries the most journal entries applied between snapshots
 */
public record JournalSettings(Long tailBytes, Duration snapshotInterval, Long snapshotEntries) {

    /** No {@code [journal]} section: every value as the pipeline's default. */
    public static final JournalSettings DEFAULTS = new JournalSettings(null, null, null);
}
