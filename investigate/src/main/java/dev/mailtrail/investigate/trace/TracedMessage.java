package dev.mailtrail.investigate.trace;

import java.time.Instant;

/** One row of a message trace: a message as it reached (or left) the organisation. Fields may be null. */
public record TracedMessage(
        String internetMessageId, Instant received, String sender, String recipient, String subject, Long size) {}
