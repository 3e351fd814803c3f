package dev.mailtrail.investigate.importer.source;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV export's column names, looked up as exports vary them: in any case, trimmed, without a byte order mark
 * and without the unit the Log Analytics portal appends ({@code TimeGenerated [UTC]}). Immutable.
 */
public final class CsvHeader {
    private final List<String> columns;
    private final boolean typeLine;
    private final Map<String, Integer> index = new HashMap<>();

    /**
     * @param columns the names as the header wrote them
     * @param typeLine whether a PowerShell {@code #TYPE} line came before the header
     */
    public CsvHeader(List<String> columns, boolean typeLine) {
        this.columns = List.copyOf(columns);
        this.typeLine = typeLine;
        for (int i = this.columns.size() - 1; i >= 0; i--) {
            index.put(name(i).toLowerCase(Locale.ROOT), i);
        }
    }

    public List<String> columns() {
        return columns;
    }

    public boolean typeLine() {
        return typeLine;
    }

    public int size() {
        return columns.size();
    }

    /** The column's index (the first, if the header repeats it), or -1 when there is no such column. */
    public int indexOf(String name) {
        return index.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** Column {@code index}'s name without a byte order mark, surrounding blanks or a {@code [UTC]} unit. */
    public String name(int index) {
        String name = columns.get(index).strip();
        if (!name.isEmpty() && name.charAt(0) == '\uFEFF') {
            name = name.substring(1).strip();
        }
        int unit = name.lastIndexOf(" [");
        return unit > 0 && name.endsWith("]") ? name.substring(0, unit).strip() : name;
    }

    @Override
    public String toString() {
        return String.join(",", columns);
    }
}
