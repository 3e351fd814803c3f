package dev.mailtrail.app.search;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import dev.mailtrail.store.log.FoundRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** {@code Search-UnifiedAuditLog … | Export-Csv -NoTypeInformation}: every field quoted, CRLF, UTF-8. */
public final class ExportCsvOutput implements SearchOutput {
    private final Writer text;
    private final CsvWriter csv;

    public ExportCsvOutput(OutputStream out) {
        this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.csv = CsvWriter.builder().quoteStrategy(QuoteStrategies.ALWAYS).build(text);
    }

    @Override
    public void begin(long resultCount) {
        csv.writeRecord(ResultColumns.NAMES);
    }

    @Override
    public void write(FoundRecord record, long resultIndex, long resultCount) {
        csv.writeRecord(ResultColumns.values(record, resultIndex, resultCount));
    }

    @Override
    public void end() throws IOException {
        csv.flush();
        text.flush();
    }
}
