package dev.mailtrail.core.generate;

import dev.mailtrail.core.action.MailAccessType;
import java.time.Instant;

/**
 * A MailItemsAccessed window still open: accesses the core holds until {@code closesAt}, when their one record is
 * written. Until then a search finds nothing of them, so a responder is told they are there.
 *
 * @param operations the accesses the window aggregates so far
 */
public record OpenAggregation(
        String mailbox, String actor, MailAccessType accessType, int operations, Instant start, Instant closesAt) {}
