package dev.mailtrail.app.search;

import dev.mailtrail.store.log.FoundRecord;
import java.io.IOException;
import java.io.OutputStream;

/** {@code … | ConvertTo-Json}: an array of the result objects, AuditData as the JSON string Exchange returns. */
public final class JsonOutput extends ConvertToJsonOutput {

    public JsonOutput(OutputStream out) throws IOException {
        super(out);
    }

    @Override
    void fields(FoundRecord record, long resultIndex, long resultCount) throws IOException {
        String[] values = ResultColumns.values(record, resultIndex, resultCount);
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
    }
}
