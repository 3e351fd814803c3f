package dev.mailtrail.investigate.importer.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataException;
import dev.mailtrail.format.auditdata.AuditDataReader;

/**
 * Reads AuditData with audit-format's codec, losslessly, and turns its refusal into a reject reason without the
 * parser's internals ({@code AuditData: invalid JSON at column 212: Unexpected end-of-input: expected close
 * marker for OBJECT}).
 *
 * <p>Thread-safe.
 */
public final class AuditDataText {
    private static final String PARSER_DETAIL = " (start marker at";

    private final AuditDataReader reader = new AuditDataReader();

    public AuditRecord read(String auditData) throws UnitRejected {
        if (auditData == null || auditData.isBlank()) {
            throw new UnitRejected("AuditData: empty");
        }
        try {
            return reader.read(auditData);
        } catch (AuditDataException refused) {
            throw new UnitRejected(tidy(refused.getMessage()), refused);
        }
    }

    public AuditRecord read(JsonNode auditData) throws UnitRejected {
        try {
            return reader.read(auditData);
        } catch (AuditDataException refused) {
            throw new UnitRejected(tidy(refused.getMessage()), refused);
        }
    }

    /** The message up to where Jackson starts describing its own input source. */
    public static String tidy(String message) {
        int detail = message.indexOf(PARSER_DETAIL);
        String tidy = detail < 0 ? message : message.substring(0, detail);
        int lineBreak = tidy.indexOf('\n');
        return lineBreak < 0 ? tidy : tidy.substring(0, lineBreak);
    }
}
