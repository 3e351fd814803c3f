package dev.mailtrail.investigate.importer.normalise;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date and time as export columns spell it ({@code CreationDate}, {@code LastAccessed}, {@code TimeGenerated}):
 * ISO 8601 ({@code 2026-03-04T19:05:00.0000000Z}, {@code 2026-03-04 19:05:00}) or the US locale that PowerShell's
 * Export-Csv, Excel and the Log Analytics portal use ({@code 3/4/2026 7:05:00 PM}, {@code 3/4/2026 19:05},
 * {@code 3/4/2026, 7:05:00.000 PM}).
 *
 * <p>Text without a zone is read in the zone given, UTC by default: Exchange stores UTC and Purview and
 * Search-UnifiedAuditLog show it; an export made in a session's local time needs that zone said explicitly.
 * Day-first locales ({@code 13/03/2026}) are not guessed: such a date is refused, never read as another day.
 *
 * <p>Thread-safe.
 */
public final class ExportDate {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern US = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4}),? +(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(?: *([AaPp][Mm]))?");
    private static final int NANO_DIGITS = 9;
    private static final int ISO_SECONDS = 19;

    private final ZoneId zoneless;

    /** Reads text without a zone as a time in {@code zoneless}. */
    public ExportDate(ZoneId zoneless) {
        this.zoneless = Objects.requireNonNull(zoneless, "zoneless");
    }

    public static ExportDate utc() {
        return new ExportDate(ZoneOffset.UTC);
    }

    /** The instant the text names, or null when it is not a date and time of a known form or not a real one. */
    public Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        Instant common = isoInUtc(trimmed);
        if (common != null) {
            return common;
        }
        Matcher iso = ISO.matcher(trimmed);
        if (iso.matches()) {
            return iso(iso);
        }
        Matcher us = US.matcher(trimmed);
        return us.matches() ? us(us) : null;
    }

    /**
     * The commonest spelling, Purview's {@code 2026-03-04T19:05:00.0000000Z} (fraction and zone optional), read
     * by hand because every row has one; null for any other spelling (or no real time), which the patterns judge.
     */
    private Instant isoInUtc(String text) {
        int length = text.length();
        if (length < ISO_SECONDS
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int end = text.charAt(length - 1) == 'Z' ? length - 1 : length;
        int fractionDigits = end - ISO_SECONDS - 1;
        int nanos = 0;
        if (end > ISO_SECONDS) {
            char point = text.charAt(ISO_SECONDS);
            if ((point != '.' && point != ',') || fractionDigits < 1 || fractionDigits > NANO_DIGITS) {
                return null;
            }
            nanos = digits(text, ISO_SECONDS + 1, fractionDigits);
            for (int i = fractionDigits; i < NANO_DIGITS && nanos >= 0; i++) {
                nanos *= 10;
            }
        } else if (end < ISO_SECONDS) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second | nanos) < 0) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            return end < length
                    ? local.toInstant(ZoneOffset.UTC)
                    : local.atZone(zoneless).toInstant();
        } catch (DateTimeException notADay) {
            return null;
        }
    }

    /** The ASCII digits at {@code at} as a number, or -1 when one is not a digit. */
    private static int digits(String text, int at, int count) {
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

    private Instant iso(Matcher m) {
        LocalDateTime local = local(m.group(1), m.group(2), m.group(3), hour(m.group(4), null), m);
        if (local == null) {
            return null;
        }
        String zone = m.group(8);
        if (zone == null) {
            return local.atZone(zoneless).toInstant();
        }
        try {
            ZoneOffset offset = zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(withColon(zone));
            return local.toInstant(offset);
        } catch (DateTimeException badOffset) {
            // The caller reports the whole text as not a date.
            return null;
        }
    }

    private Instant us(Matcher m) {
        int hour = hour(m.group(4), m.group(8));
        LocalDateTime local = local(m.group(3), m.group(1), m.group(2), hour, m);
        return local == null ? null : local.atZone(zoneless).toInstant();
    }

    /** The hour of day, or -1 when a 12-hour clock's hour is out of range. */
    private static int hour(String digits, String amPm) {
        int hour = Integer.parseInt(digits);
        if (amPm == null) {
            return hour;
        }
        if (hour < 1 || hour > 12) {
            return -1;
        }
        boolean pm = amPm.toUpperCase(Locale.ROOT).equals("PM");
        return hour % 12 + (pm ? 12 : 0);
    }

    private static LocalDateTime local(String year, String month, String day, int hour, Matcher m) {
        String seconds = m.group(6);
        String fraction = m.group(7);
        try {
            return LocalDateTime.of(
                    Integer.parseInt(year),
                    Integer.parseInt(month),
                    Integer.parseInt(day),
                    hour,
                    Integer.parseInt(m.group(5)),
                    seconds == null ? 0 : Integer.parseInt(seconds),
                    fraction == null ? 0 : nanos(fraction));
        } catch (DateTimeException notADay) {
            // 13/45/2026, 2/30/2026, 25:00: the caller reports the text.
            return null;
        }
    }

    private static int nanos(String fraction) {
        int nanos = Integer.parseInt(fraction);
        for (int i = fraction.length(); i < NANO_DIGITS; i++) {
            nanos *= 10;
        }
        return nanos;
    }

    private static String withColon(String offset) {
        return offset.indexOf(':') >= 0 ? offset : offset.substring(0, 3) + ':' + offset.substring(3);
    }
}
