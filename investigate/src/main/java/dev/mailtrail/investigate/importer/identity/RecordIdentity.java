package dev.mailtrail.investigate.importer.identity;

import java.util.HexFormat;

/**
 * The identity of an audit record's content: 128 bits of the SHA-256 of its canonical AuditData (see
 * {@link RecordIdentifier}). Equal for the same record however it was exported; different for two records that
 * differ in any field, even when they share an {@code Id}.
 */
public record RecordIdentity(long high, long low) {

    /** The identity as 32 lowercase hex digits. */
    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(high) + hex.toHexDigits(low);
    }
}
