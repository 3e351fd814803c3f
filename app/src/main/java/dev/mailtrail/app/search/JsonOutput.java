package dev.mailtrail.app.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.mailtrail.store.log.FoundRecord;
import java.io.IOException;
import java.io.OutputStream;

/** {@code … | ConvertTo-Json}: an array of the result objects, AuditData as the JSON string Exchange returns. */
public final class JsonOutput implements SearchOutput {
    private final JsonGenerator json;

    public JsonOutput(OutputStream out) throws IOException {
        this.json = new JsonFactory().createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter());
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void begin(long resultCount) throws IOException {
        json.writeStartArray();
    }

    @Override
    public void write(FoundRecord record, long resultIndex, long resultCount) throws IOException {
        String[] values = ResultColumns.values(record, resultIndex, resultCount);
        json.writeStartObject();
        for (int i = 0; i < ResultColumns.NAMES.length; i++) {
            String name = ResultColumns.NAMES[i];
            switch (name) {
                case "ResultIndex" -> json.writeNumberField(name, resultIndex);
                case "ResultCount" -> json.writeNumberField(name, resultCount);
                case "IsValid" -> json.writeBooleanField(name, true);
                case "CreationDate" ->
                    json.writeStringField(name, record.creationTime().toString());
                default -> json.writeStringField(name, values[i]);
            }
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
