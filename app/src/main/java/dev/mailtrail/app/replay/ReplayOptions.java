package dev.mailtrail.app.replay;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.config.ThrottlingMode;

/**
 * How a replay runs: the organisation's throttling and starting baseline, whether bad lines stop it, and
 * whether each access that is not audited is explained.
 */
public record ReplayOptions(ThrottlingMode throttling, Baseline baseline, boolean keepGoing, boolean explain) {}
