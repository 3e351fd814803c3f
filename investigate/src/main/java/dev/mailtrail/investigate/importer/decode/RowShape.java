package dev.mailtrail.investigate.importer.decode;

import dev.mailtrail.investigate.importer.source.CsvHeader;
import java.util.List;

/**
 * Whether a CSV row has the fields its header promises. Trailing empty fields more or fewer are tolerated (Excel
 * adds and drops them); a row that ends before a column it needs, or has text beyond the header's last column (a
 * quote lost in editing), is refused rather than read with that text left out.
 */
public final class RowShape {
    private RowShape() {}

    /** Refuses a row with text beyond the header's last column. */
    public static void check(List<String> fields, CsvHeader header) throws UnitRejected {
        for (int i = header.size(); i < fields.size(); i++) {
            if (!fields.get(i).isEmpty()) {
                throw new UnitRejected("row: " + fields.size() + " fields where the header has " + header.size()
                        + " (a quote missing or a comma too many?)");
            }
        }
    }

    /** Refuses a row that ends before {@code requiredColumn} or has text beyond the header's last column. */
    public static void check(List<String> fields, CsvHeader header, int requiredColumn) throws UnitRejected {
        if (fields.size() <= requiredColumn) {
            throw new UnitRejected("row: " + fields.size() + " fields where the header has " + header.size() + " (no "
                    + header.name(requiredColumn) + ")");
        }
        for (int i = header.size(); i < fields.size(); i++) {
            if (!fields.get(i).isEmpty()) {
                throw new UnitRejected("row: " + fields.size() + " fields where the header has " + header.size()
                        + " (a quote missing or a comma too many?)");
            }
        }
    }
}
