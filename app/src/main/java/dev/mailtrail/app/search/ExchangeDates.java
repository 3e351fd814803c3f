package dev.mailtrail.app.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as Exchange's cmdlets and exports print them, in UTC. */
final class ExchangeDates {
    /** PowerShell's en-US DateTime display: {@code 3/2/2026 9:15:04 AM}. */
    static final DateTimeFormatter POWERSHELL =
            DateTimeFormatter.ofPattern("M/d/uuuu h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    /** Purview's export column: {@code 2026-03-02T09:15:04.0000000Z}. */
    static final DateTimeFormatter PURVIEW =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ExchangeDates() {}

    static String powerShell(Instant time) {
        return POWERSHELL.format(time);
    }
}
