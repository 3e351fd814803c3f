package dev.mailtrail.investigate.scope;

import java.time.Instant;

/**
 * One line of the scope's timeline.
 *
 * @param what {@code read}, {@code sync}, {@code blind} or an action kind's words
 * @param description the entry in words
 * @param sessionKey the session it belongs to, or null (blind windows)
 * @param ip the client IP, or null
 */
public record TimelineEntry(Instant time, String what, String description, String sessionKey, String ip) {}
