package dev.mailtrail.app.replay;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.config.ThrottlingMode;

/**
 * How a replay runs: the organisation's throttling and starting baseline, whether bad lines stop it, and
 * whether each access that is not audited is explained, and the longest line taken (a longer one is a bad line).
 */
public record ReplayOptions(
        ThrottlingMode throttling, Baseline baseline, boolean keepGoing, boolean explain, int maxLineBytes) {

    public ReplayOptions(ThrottlingMode throttling, Baseline baseline, boolean keepGoing, boolean explain) {
        this(throttling, baseline, keepGoing, explain, EventLines.DEFAULT_MAX_BYTES);
    }
}
