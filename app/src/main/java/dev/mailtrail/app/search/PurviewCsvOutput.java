package dev.mailtrail.app.search;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.mailtrail.core.record.RecordType;
import dev.mailtrail.store.log.FoundRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The Purview audit search export: UTF-8 with a byte order mark, the current header, fields quoted only where
 * they must be (the AuditData JSON always is), quotes doubled, CRLF line ends.
 */
public final class PurviewCsvOutput implements SearchOutput {
    static final String[] HEADER = {
        "RecordId",
        "CreationDate",
        "RecordType",
        "Operation",
        "UserId",
        "AuditData",
        "AssociatedAdminUnits",
        "AssociatedAdminUnitsNames"
    };

    private final Writer text;
    private final CsvWriter csv;

    public PurviewCsvOutput(OutputStream out) {
        this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.csv = CsvWriter.builder().build(text);
    }

    @Override
    public void begin(long resultCount) throws IOException {
        text.write('\uFEFF');
        csv.writeRecord(HEADER);
    }

    @Override
    public void write(FoundRecord record, long resultIndex, long resultCount) {
        csv.writeRecord(
                UnifiedResultList.nullToEmpty(record.id()),
                ExchangeDates.PURVIEW.format(record.creationTime()),
                RecordType.name(record.recordType()),
                UnifiedResultList.nullToEmpty(record.operation()),
                UnifiedResultList.nullToEmpty(record.userId()),
                record.auditData(),
                "",
                "");
    }

    @Override
    public void end() throws IOException {
        csv.flush();
        text.flush();
    }
}
