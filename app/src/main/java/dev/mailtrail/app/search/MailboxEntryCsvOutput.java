package dev.mailtrail.app.search;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import dev.mailtrail.store.log.FoundRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code Search-MailboxAuditLog -ShowDetails | Export-Csv -NoTypeInformation}: the entries' properties as columns,
 * every field quoted, CRLF, UTF-8; what {@code mt import} reads back as a mailbox audit log export.
 */
public final class MailboxEntryCsvOutput implements SearchOutput {
    private final Writer text;
    private final CsvWriter csv;
    private final MailboxEntry entries = new MailboxEntry(true);
    private boolean header;

    public MailboxEntryCsvOutput(OutputStream out) {
        this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.csv = CsvWriter.builder().quoteStrategy(QuoteStrategies.ALWAYS).build(text);
    }

    @Override
    public void write(FoundRecord record, long resultIndex, long resultCount) throws IOException {
        Map<String, String> properties = entries.properties(record);
        if (!header) {
            csv.writeRecord(properties.keySet());
            header = true;
        }
        csv.writeRecord(properties.values());
    }

    @Override
    public void end() throws IOException {
        csv.flush();
        text.flush();
    }
}
