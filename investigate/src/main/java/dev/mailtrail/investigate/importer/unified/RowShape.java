package dev.mailtrail.investigate.importer.unified;

import dev.mailtrail.investigate.importer.decode.UnitRejected;
import dev.mailtrail.investigate.importer.source.CsvHeader;
import java.util.List;

/**
 * Whether a CSV row has the fields its header promises. Trailing empty fields more or fewer are tolerated (Excel
 * adds and drops them); a row missing the AuditData column, or with text beyond the header's last column (a
 * quote lost in editing), is refused.
 */
final class RowShape {
    private RowShape() {}

    static void check(List<String> fields, CsvHeader header, int requiredColumn) throws UnitRejected {
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
