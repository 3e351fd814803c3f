package dev.mailtrail.core.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Exchange's TimeSpan text for {@code AuditLogAgeLimit}: {@code dd.hh:mm:ss} (or {@code hh:mm:ss}). */
public final class AuditLogAgeLimit {
    public static final Duration DEFAULT = Duration.ofDays(90);

    private static final Pattern TIMESPAN = Pattern.compile("(?:(\\d{1,5})\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})");

    private AuditLogAgeLimit() {}

    public static Optional<Duration> parse(String text) {
        Matcher matcher = TIMESPAN.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int hours = Integer.parseInt(matcher.group(2));
        int minutes = Integer.parseInt(matcher.group(3));
        int seconds = Integer.parseInt(matcher.group(4));
        if (hours > 23 || minutes > 59 || seconds > 59) {
            return Optional.empty();
        }
        long days = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        return Optional.of(
                Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds));
    }

    /** As Get-Mailbox shows it: {@code 90.00:00:00}, {@code 00:00:00}. */
    public static String format(Duration limit) {
        long days = limit.toDays();
        String time = "%02d:%02d:%02d".formatted(limit.toHoursPart(), limit.toMinutesPart(), limit.toSecondsPart());
        return days == 0 ? time : days + "." + time;
    }
}
