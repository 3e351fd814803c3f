package dev.mailtrail.store.opensearch;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one log lives in the cluster: its records in one index per month of CreationTime ({@code LOG-YYYY.MM}), so
 * that retention deletes whole months; its chain heads, writer states and purge marks in {@code LOG-meta}. Searches
 * name every month at once through a wildcard that leaves the meta index out. No log's name may be another's
 * followed by a dash.
 */
record LogNames(String log) {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");
    private static final Pattern MONTH_INDEX = Pattern.compile("-(\\d{4})\\.(\\d{2})$");

    LogNames {
        if (!log.equals(log.toLowerCase(java.util.Locale.ROOT)) || log.isBlank() || log.startsWith("_")) {
            throw new IllegalArgumentException(
                    "'" + log + "' cannot name an OpenSearch index: lower case, not starting with _");
        }
    }

    /** The index holding the records created in {@code time}'s month (UTC). */
    String month(Instant time) {
        return log + "-" + MONTH.format(time.atOffset(ZoneOffset.UTC));
    }

    /** The month an index of this log holds, if it is one of its month indexes. */
    Optional<YearMonth> monthOf(String index) {
        if (!index.startsWith(log + "-")) {
            return Optional.empty();
        }
        Matcher month = MONTH_INDEX.matcher(index);
        if (!month.find() || index.length() != log.length() + 8) {
            return Optional.empty();
        }
        return Optional.of(YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))));
    }

    /** Every month index, for searches (a wildcard matching none is an empty answer, not an error). */
    String records() {
        return log + "-*,-" + meta();
    }

    String meta() {
        return log + "-meta";
    }
}
