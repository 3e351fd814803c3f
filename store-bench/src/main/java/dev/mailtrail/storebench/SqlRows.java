package dev.mailtrail.storebench;

import dev.mailtrail.storebench.AuditStore.Hit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the result rows both SQL engines return the same way. */
final class SqlRows {
    private SqlRows() {}

    /** Rows of {@code seq, audit_data}. */
    static List<Hit> hits(PreparedStatement query) throws SQLException {
        List<Hit> hits = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                hits.add(new Hit(rows.getLong(1), rows.getString(2)));
            }
        }
        return hits;
    }

    /** Rows of {@code key, count}. */
    static Map<String, Long> counts(PreparedStatement query) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
