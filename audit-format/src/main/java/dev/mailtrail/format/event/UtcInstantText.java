package dev.mailtrail.format.event;

import dev.mailtrail.format.IsoSeconds;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads an event's {@code time}: any ISO-8601 date-time with a zone, and quickly the form the event writer and most
 * sensors write ({@code 2026-03-02T09:15:04Z}, {@code 2026-03-02T09:15:04.25Z}), which every journaled event is read
 * in again on replay. The general parser costs more than the rest of reading an event.
 */
final class UtcInstantText {
    private UtcInstantText() {}

    static Instant parse(String text) {
        Instant fast = utc(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /** {@code uuuu-MM-ddTHH:mm:ss[.f…]Z} with valid fields, or null for anything else (left to the general parser). */
    private static Instant utc(String text) {
        int length = text.length();
        if (length < IsoSeconds.LENGTH + 1 || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int nanos = 0;
        if (length > IsoSeconds.LENGTH + 1) {
            int digits = length - IsoSeconds.LENGTH - 2;
            if (text.charAt(IsoSeconds.LENGTH) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int fraction = IsoSeconds.digits(text, IsoSeconds.LENGTH + 1, digits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * (int) Math.pow(10, 9 - digits);
        }
        LocalDateTime time = IsoSeconds.parse(text);
        return time == null ? null : Instant.ofEpochSecond(time.toEpochSecond(ZoneOffset.UTC), nanos);
    }
}
