package dev.mailtrail.investigate.importer.source;

import java.util.List;

/** One piece of an export as the sequential reader cut it, with the 1-based line of the file it starts on. */
public sealed interface SourceUnit {

    long line();

    /** A CSV data row; a quoted field may span lines, {@code line} is the row's first. */
    record CsvRow(long line, List<String> fields) implements SourceUnit {
        public CsvRow {
            fields = List.copyOf(fields);
        }
    }

    /** One JSON value: an element of a content blob's array, a JSON line, or one of several concatenated values. */
    record JsonText(long line, String text) implements SourceUnit {}

    /** Text that cannot be cut into a unit (an unclosed quote to the end of the file, an overlong record). */
    record Unreadable(long line, String reason, String content) implements SourceUnit {}
}
