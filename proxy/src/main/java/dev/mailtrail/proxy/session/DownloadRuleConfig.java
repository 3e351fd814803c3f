package dev.mailtrail.proxy.session;

import java.time.Duration;

/**
 * The thresholds of the Bind/Sync rule (docs/imap-client-behaviour.md §4), configurable because round-trip times
 * add to every gap a client shows.
 *
 * @param think S3's T_think: a body read this soon after a metadata fetch of the folder is Sync
 * @param gap S4's G: the largest gap between body reads that still continues a chain
 * @param chainLength S4: the read at this position of a chain of gaps ≤ G is Sync
 * @param bindHold how long a Bind decision waits, so the first reads of a paced chain fold into its Sync
 * @param episodeQuiet a Sync episode ends after this long without a body read in the folder
 * @param messagesPerCommand S1: a single command returning this many bodies is Sync
 * @param pop3Retrievals P1: this many RETRs in one POP3 session are Sync
 */
public record DownloadRuleConfig(
        Duration think,
        Duration gap,
        int chainLength,
        Duration bindHold,
        Duration episodeQuiet,
        int messagesPerCommand,
        int pop3Retrievals) {

    /** The defaults the captures support (§4 "Evidence for the thresholds"). */
    public static final DownloadRuleConfig DEFAULTS = new DownloadRuleConfig(
            Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofSeconds(1), Duration.ofSeconds(60), 2, 2);

    public DownloadRuleConfig {
        if (chainLength < 2 || messagesPerCommand < 2 || pop3Retrievals < 2) {
            throw new IllegalArgumentException("a Sync needs at least two reads");
        }
        if (think.isNegative() || gap.isNegative() || bindHold.isNegative() || episodeQuiet.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }
}
