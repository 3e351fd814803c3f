package dev.mailtrail.investigate.importer.normalise;

import dev.mailtrail.format.IsoSeconds;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
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
    /** A date and time in another locale's order and separators, with an optional fraction and day period. */
    private static final Pattern ANY_LOCALE = Pattern.compile(
            "(\\d{1,4})[./-](\\d{1,2})[./-](\\d{1,4})\\.?,? +(\\d{1,2})[:.](\\d{2})(?:[:.]\\d{2}(?:[.,]\\d{1,9})?)?(?: *\\S{1,6})?");

    private static final int YEAR_DIGITS = 4;
    private static final int NANO_DIGITS = 9;

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
     * Whether the text is a date and time as Export-Csv writes it in any locale, which formats dates by the
     * session's culture: day first ({@code 13/03/2026 19:05:00} en-GB, {@code 13.03.2026 19:05:00} de-DE,
     * {@code 13.3.2026 19.05.00} fi-FI, {@code 13-3-2026 19:05:00} nl-NL), year first ({@code 2026/03/13 19:05:00}
     * ja-JP), or one {@link #parse} reads. It says only that the text is a real day in some order of day and month,
     * never which: for a column that is checked, not read ({@code CreationDate} beside the AuditData that holds the
     * time). {@code 13/45/2026} is no date in any order.
     */
    public boolean isDateInSomeLocale(String text) {
        if (parse(text) != null) {
            return true;
        }
        Matcher m = ANY_LOCALE.matcher(text == null ? "" : text.trim());
        if (!m.matches() || Integer.parseInt(m.group(4)) > 23) {
            return false;
        }
        String first = m.group(1);
        String last = m.group(3);
        int middle = Integer.parseInt(m.group(2));
        if (first.length() == YEAR_DIGITS && last.length() <= 2) {
            return isDay(Integer.parseInt(first), middle, Integer.parseInt(last));
        }
        if (last.length() != YEAR_DIGITS || first.length() > 2) {
            return false;
        }
        int year = Integer.parseInt(last);
        int leading = Integer.parseInt(first);
        return isDay(year, middle, leading) || isDay(year, leading, middle);
    }

    private static boolean isDay(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException notADay) {
            return false;
        }
    }

    /**
     * The commonest spelling, Purview's {@code 2026-03-04T19:05:00.0000000Z} (fraction and zone optional), read
     * by hand because every row has one; null for any other spelling (or no real time), which the patterns judge.
     */
    private Instant isoInUtc(String text) {
        int length = text.length();
        int end = length > 0 && text.charAt(length - 1) == 'Z' ? length - 1 : length;
        int nanos = 0;
        if (end > IsoSeconds.LENGTH) {
            int fractionDigits = end - IsoSeconds.LENGTH - 1;
            char point = text.charAt(IsoSeconds.LENGTH);
            if ((point != '.' && point != ',') || fractionDigits < 1 || fractionDigits > NANO_DIGITS) {
                return null;
            }
            nanos = IsoSeconds.digits(text, IsoSeconds.LENGTH + 1, fractionDigits);
            for (int i = fractionDigits; i < NANO_DIGITS && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        LocalDateTime seconds = end < IsoSeconds.LENGTH || nanos < 0 ? null : IsoSeconds.parse(text);
        if (seconds == null) {
            return null;
        }
        LocalDateTime local = seconds.withNano(nanos);
        return end < length
                ? local.toInstant(ZoneOffset.UTC)
                : local.atZone(zoneless).toInstant();
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
