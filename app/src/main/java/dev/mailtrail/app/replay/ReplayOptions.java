package dev.mailtrail.app.replay;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.config.ThrottlingMode;

/** How a replay runs: the organisation's throttling and starting baseline, and whether bad lines stop it. */
public record ReplayOptions(ThrottlingMode throttling, Baseline baseline, boolean keepGoing) {}
