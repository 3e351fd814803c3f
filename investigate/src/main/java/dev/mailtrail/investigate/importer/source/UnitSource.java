package dev.mailtrail.investigate.importer.source;

import java.io.Closeable;
import java.io.IOException;

/** Units of one export file in file order. Used by one thread. */
public interface UnitSource extends Closeable {

    /** The next unit, or null at the end of the file. */
    SourceUnit next() throws IOException;
}
