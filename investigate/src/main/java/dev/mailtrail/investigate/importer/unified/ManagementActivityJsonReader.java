package dev.mailtrail.investigate.importer.unified;

import dev.mailtrail.investigate.importer.decode.AuditDataText;
import dev.mailtrail.investigate.importer.decode.DecodedRecord;
import dev.mailtrail.investigate.importer.decode.UnitDecoder;
import dev.mailtrail.investigate.importer.decode.UnitRejected;
import dev.mailtrail.investigate.importer.source.SourceUnit;

/**
 * AuditData records as JSON: the elements of Management Activity API content blobs ({@code Audit.Exchange}
 * and the other content types) and the lines of a JSON Lines file. Each is read losslessly by the codec.
 *
 * <p>Thread-safe.
 */
public final class ManagementActivityJsonReader implements UnitDecoder {
    private final AuditDataText auditData = new AuditDataText();

    @Override
    public DecodedRecord decode(SourceUnit unit) throws UnitRejected {
        return new DecodedRecord(auditData.read(((SourceUnit.JsonText) unit).text()));
    }
}
