package dev.mailtrail.investigate.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The rejects of imports, appended as JSON Lines: {@code {"file":…,"line":…,"reason":…,"content":…}}. The content
 * is the row as read, so the rejects can be fixed and imported again; nothing a file held is lost.
 *
 * <p>Not thread-safe; the importer delivers from one thread.
 */
public final class RejectsFile implements Closeable {
    private final JsonFactory json = new JsonFactory();
    private final Writer out;

    /** Opens the file for appending, creating it if needed. */
    public RejectsFile(Path path) throws IOException {
        this(Files.newBufferedWriter(
                path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    public RejectsFile(Writer out) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
    }

    public void write(Reject reject) throws IOException {
        try (JsonGenerator line = json.createGenerator(out)) {
            line.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            line.writeStartObject();
            line.writeStringField("file", reject.file().toString());
            line.writeNumberField("line", reject.line());
            line.writeStringField("reason", reject.reason());
            line.writeStringField("content", reject.content());
            line.writeEndObject();
        }
        out.write('\n');
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
