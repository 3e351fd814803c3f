package dev.mailtrail.app.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.mailtrail.store.log.FoundRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** {@code Search-MailboxAuditLog -ShowDetails | ConvertTo-Json}: the entries as objects of their properties. */
public final class MailboxEntryJsonOutput implements SearchOutput {
    private final JsonGenerator json;
    private final MailboxEntry entries = new MailboxEntry(true);

    public MailboxEntryJsonOutput(OutputStream out) throws IOException {
        this.json = new JsonFactory().createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter());
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void begin(long resultCount) throws IOException {
        json.writeStartArray();
    }

    @Override
    public void write(FoundRecord record, long resultIndex, long resultCount) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, String> property : entries.properties(record).entrySet()) {
            json.writeStringField(property.getKey(), property.getValue());
        }
        json.writeEndObject();
    }

    @Override
    public void end() throws IOException {
        json.writeEndArray();
        json.writeRaw(System.lineSeparator());
        json.flush();
    }
}
