package dev.mailtrail.investigate.importer.decode;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An export's columns for one row as an immutable map in the export's order, holding only the row's values: the
 * names are the header's, shared by every row of the file. Creating one costs an array, not a hash table, which
 * matters at millions of rows.
 */
public final class ExportColumns extends AbstractMap<String, String> {
    private static final ExportColumns NONE = new ExportColumns(List.of(), new String[0]);

    private final List<String> names;
    private final String[] values;

    /** {@code names.get(i)} is the name of {@code values[i]}; the array is the map's own from now on. */
    public ExportColumns(List<String> names, String[] values) {
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
        }
        this.names = List.copyOf(names);
        this.values = values;
    }

    public static ExportColumns none() {
        return NONE;
    }

    /** The columns as an immutable map in their order: these very ones when they are an ExportColumns. */
    public static Map<String, String> immutable(Map<String, String> columns) {
        if (columns instanceof ExportColumns immutable) {
            return immutable;
        }
        return columns.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public String get(Object name) {
        int index = names.indexOf(name);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object name) {
        return names.contains(name);
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(names.get(index), values[index]);
                    }
                };
            }
        };
    }
}
