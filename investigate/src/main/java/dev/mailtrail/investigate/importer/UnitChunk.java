package dev.mailtrail.investigate.importer;

import dev.mailtrail.investigate.importer.source.SourceUnit;
import java.util.List;

/**
 * Consecutive units of one file, handed to a worker at once.
 *
 * @param units the units in file order
 * @param firstIndex the 1-based index in the file of the first unit
 * @param bytesRead bytes of the file read when the chunk was cut, for progress
 */
record UnitChunk(List<SourceUnit> units, long firstIndex, long bytesRead) {}
