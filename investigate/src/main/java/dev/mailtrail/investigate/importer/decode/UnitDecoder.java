package dev.mailtrail.investigate.importer.decode;

import dev.mailtrail.investigate.importer.source.SourceUnit;

/**
 * Turns one unit of an export into a record. Implementations are thread-safe: the importer's workers call one
 * decoder at once from several threads.
 */
public interface UnitDecoder {

    /** The record the unit holds, or {@link UnitRejected} saying precisely what is wrong with it. */
    DecodedRecord decode(SourceUnit unit) throws UnitRejected;
}
