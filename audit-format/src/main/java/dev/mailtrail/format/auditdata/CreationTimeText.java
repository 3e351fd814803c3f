package dev.mailtrail.format.auditdata;

import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.OFFSET_SECONDS;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;
import static java.time.temporal.ChronoField.YEAR;

import dev.mailtrail.format.IsoSeconds;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * AuditData's {@code CreationTime}: Exchange writes UTC as {@code yyyy-MM-ddTHH:mm:ss}, no zone, no fraction.
 * Other exports (Sentinel's TimeGenerated, Purview) add a fraction or a zone, so reading accepts both.
 */
final class CreationTimeText {
    static final int LENGTH = 19;

    private static final int SECONDS_PER_DAY = 86_400;

    private static final DateTimeFormatter ACCEPTED = new DateTimeFormatterBuilder()
            .appendValue(YEAR, 4)
            .appendLiteral('-')
            .appendValue(MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(DAY_OF_MONTH, 2)
            .appendLiteral('T')
            .appendValue(HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private CreationTimeText() {}

    /** Exchange's spelling of the instant, truncated to the second; by hand because this runs per record. */
    static char[] format(Instant time) {
        long epochSecond = time.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("CreationTime " + time + " has no four-digit year");
        }
        char[] text = new char[LENGTH];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        return text;
    }

    static String formatToString(Instant time) {
        return new String(format(time));
    }

    /**
     * The instant {@code yyyy-MM-ddTHH:mm:ss[.fraction][Z|±hh:mm]} names (UTC when no zone is given), or null
     * when the text is not of that form or not a real date and time.
     */
    static Instant parse(String text) {
        Instant exchange = exchangeSpelling(text);
        if (exchange != null) {
            return exchange;
        }
        try {
            TemporalAccessor parsed = ACCEPTED.parse(text);
            ZoneOffset offset = parsed.isSupported(OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
            return LocalDateTime.from(parsed).toInstant(offset);
        } catch (DateTimeException notATime) {
            // The caller reports the text itself; the parser's position adds nothing a reader can use.
            return null;
        }
    }

    /**
     * The instant of text in Exchange's own spelling, read by hand because nearly every record has it; null
     * when the text is spelt otherwise (or names no real time), which the formatter then judges.
     */
    private static Instant exchangeSpelling(String text) {
        LocalDateTime utc = text.length() == LENGTH ? IsoSeconds.parse(text) : null;
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    /** Whether the writer would spell this instant exactly as {@code text}. */
    static boolean isExchangeSpelling(String text, Instant time) {
        return text.length() == LENGTH && time.getNano() == 0 && text.equals(formatToString(time));
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
