package dev.mailtrail.investigate.importer.decode;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataException;
import dev.mailtrail.format.auditdata.AuditDataReader;

/**
 * Reads AuditData with audit-format's codec, losslessly, and turns its refusal into a reject reason without the
 * parser's internals ({@code AuditData: invalid JSON at column 212: Unexpected end-of-input: expected close
 * marker for OBJECT}). Microsoft Graph's {@link ODataAnnotations} are removed first.
 *
 * <p>Thread-safe.
 */
public final class AuditDataText {
    private static final String PARSER_DETAIL = " (start marker at";

    /** Read as the codec reads a tree: a member given twice refused, decimals kept as written. */
    private static final ObjectReader TREE = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build()
            .reader();

    private final AuditDataReader reader = new AuditDataReader();

    public AuditRecord read(String auditData) throws UnitRejected {
        if (auditData == null || auditData.isBlank()) {
            throw new UnitRejected("AuditData: empty");
        }
        AuditRecord record;
        try {
            record = reader.read(auditData);
        } catch (AuditDataException refused) {
            throw new UnitRejected(tidy(refused.getMessage()), refused);
        }
        // Graph annotates the object itself ("@odata.type") whenever it annotates anything, so a record without an
        // annotation among its top-level extensions (nearly every record, whose extensions are empty) is done.
        if (!record.extensions().isEmpty()
                && ODataAnnotations.anyIn(record.extensions().keySet())) {
            JsonNode tree = annotatedTree(auditData);
            if (tree != null) {
                return read(tree);
            }
        }
        return record;
    }

    /** Reads a tree, which loses its OData annotations. */
    public AuditRecord read(JsonNode auditData) throws UnitRejected {
        ODataAnnotations.strip(auditData);
        try {
            return reader.read(auditData);
        } catch (AuditDataException refused) {
            throw new UnitRejected(tidy(refused.getMessage()), refused);
        }
    }

    /** The text as a tree, or null when it is not one JSON value: the codec then words what is wrong. */
    private static JsonNode annotatedTree(String auditData) {
        try {
            return TREE.readTree(auditData);
        } catch (JacksonException notOneValue) {
            return null;
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
