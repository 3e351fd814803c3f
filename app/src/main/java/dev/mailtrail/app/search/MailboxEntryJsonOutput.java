package dev.mailtrail.app.search;

import dev.mailtrail.store.log.FoundRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** {@code Search-MailboxAuditLog -ShowDetails | ConvertTo-Json}: the entries as objects of their properties. */
public final class MailboxEntryJsonOutput extends ConvertToJsonOutput {
    private final MailboxEntry entries = new MailboxEntry(true);

    public MailboxEntryJsonOutput(OutputStream out) throws IOException {
        super(out);
    }

    @Override
    void fields(FoundRecord record, long resultIndex, long resultCount) throws IOException {
        for (Map.Entry<String, String> property : entries.properties(record).entrySet()) {
            json.writeStringField(property.getKey(), property.getValue());
        }
    }
}
