package dev.mailtrail.investigate.importer.synthetic;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes a {@link BecCase}'s records as the exports responders hold: a Purview CSV or JSON Lines of AuditData. */
public final class BecCaseFiles {
    private static final DateTimeFormatter CREATION_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final AuditDataWriter auditData = new AuditDataWriter();

    /** The Purview audit search export with the older header {@code CreationDate,UserIds,Operations,AuditData}. */
    public Path purviewCsv(List<AuditRecord> records, Path file) throws IOException {
        try (Writer text = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CsvWriter csv = CsvWriter.builder().build(text)) {
            csv.writeRecord("CreationDate", "UserIds", "Operations", "AuditData");
            for (AuditRecord record : records) {
                csv.writeRecord(
                        CREATION_DATE.format(record.creationTime()),
                        record.userId(),
                        record.operation(),
                        auditData.toJson(record));
            }
        }
        return file;
    }

    /** JSON Lines of AuditData, one record a line. */
    public Path jsonLines(List<AuditRecord> records, Path file) throws IOException {
        try (Writer text = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (AuditRecord record : records) {
                text.write(auditData.toJson(record));
                text.write('\n');
            }
        }
        return file;
    }
}
