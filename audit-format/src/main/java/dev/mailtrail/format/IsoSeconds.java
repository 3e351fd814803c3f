package dev.mailtrail.format;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * The {@code yyyy-MM-ddTHH:mm:ss} that begins an ISO 8601 date and time, read by hand: AuditData's
 * {@code CreationTime} and the date columns of exports have one in every record, where a formatter or a pattern
 * costs several times as much. Callers read whatever follows (a fraction, a zone) themselves.
 */
public final class IsoSeconds {
    /** The length of {@code yyyy-MM-ddTHH:mm:ss}. */
    public static final int LENGTH = 19;

    private IsoSeconds() {}

    /**
     * The date and time the text's first {@link #LENGTH} characters spell, or null when the text is shorter, they
     * are not of that form (ASCII digits, {@code -}, {@code T}, {@code :} in their places) or name no real time.
     */
    public static LocalDateTime parse(String text) {
        if (text.length() < LENGTH
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException notATime) {
            // 2026-02-30, 24:00:00: the caller reports the text.
            return null;
        }
    }

    /** The {@code count} ASCII digits at {@code at} as a number, or -1 when one is not a digit. */
    public static int digits(String text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
