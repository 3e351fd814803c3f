package dev.mailtrail.app.search;

import dev.mailtrail.store.log.FoundRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** AuditData JSON lines, exactly as stored: what Microsoft's API and the importer call JSON Lines. */
public final class JsonLinesOutput implements SearchOutput {
    private final Writer text;

    public JsonLinesOutput(OutputStream out) {
        this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void write(FoundRecord record, long resultIndex, long resultCount) throws IOException {
        text.write(record.auditData());
        text.write('\n');
    }

    @Override
    public void end() throws IOException {
        text.flush();
    }
}
