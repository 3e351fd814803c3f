package dev.mailtrail.app.admin;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The date forms admins type into {@code -StartDate}/{@code -EndDate}: {@code 2026-03-01}, {@code 2026-03-01
 * 09:00}, {@code 3/1/2026}, {@code 3/1/2026 09:00}, {@code 3/1/2026 9:00 PM}, and ISO instants with a zone.
 * Like Search-UnifiedAuditLog, a time without a zone is UTC. {@code M/d/yyyy} is the US order Exchange's
 * cmdlets use; a day-first date is refused only where it cannot be a US date ({@code 13/1/2026}).
 */
public final class AdminDate {
    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(
            pattern("uuuu-MM-dd[ ]['T']HH:mm[:ss][.SSSSSSSSS]"),
            pattern("M/d/uuuu H:mm[:ss]"),
            pattern("M/d/uuuu h:mm[:ss] a"));
    private static final List<DateTimeFormatter> LOCAL_DATES = List.of(pattern("uuuu-MM-dd"), pattern("M/d/uuuu"));

    private AdminDate() {}

    public static Optional<Instant> parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException e) {
            // not an ISO instant with a zone: try the forms without one
        }
        for (DateTimeFormatter formatter : LOCAL_DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(trimmed, formatter).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException e) {
                // next form
            }
        }
        for (DateTimeFormatter formatter : LOCAL_DATES) {
            try {
                return Optional.of(LocalDate.parse(trimmed, formatter)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
            } catch (DateTimeException e) {
                // next form
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.US)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }
}
