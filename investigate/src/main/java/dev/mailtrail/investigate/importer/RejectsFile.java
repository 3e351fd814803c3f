package dev.mailtrail.investigate.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rejects of imports, appended as JSON Lines: {@code {"file":…,"line":…,"reason":…,"content":…}}. The content
 * is the row as read, so the rejects can be fixed and imported again; nothing a file held is lost. A reject
 * already in the file (the same row, rejected for the same reason, by an earlier import of the same export) is not
 * written again.
 *
 * <p>Not thread-safe; the importer delivers from one thread.
 */
public final class RejectsFile implements Closeable {
    private static final ObjectMapper READER = new ObjectMapper();
    private final JsonFactory json = new JsonFactory();
    private final Writer out;
    private final Set<String> written = new HashSet<>();

    /** Opens the file for appending, creating it if needed; the rejects it holds are not written again. */
    public RejectsFile(Path path) throws IOException {
        this(Files.newBufferedWriter(
                path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        try (Stream<String> lines = Files.lines(path, StandardCharsets.UTF_8)) {
            lines.forEach(this::remember);
        }
    }

    public RejectsFile(Writer out) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
    }

    private void remember(String line) {
        try {
            JsonNode reject = READER.readTree(line);
            if (reject != null && reject.isObject()) {
                written.add(key(
                        reject.path("reason").asText(), reject.path("content").asText()));
            }
        } catch (IOException damaged) {
            // A line torn by a crash is no reject to compare with; the row it held is rejected again.
        }
    }

    private static String key(String reason, String content) {
        return reason + '\u0000' + content;
    }

    public void write(Reject reject) throws IOException {
        if (!written.add(key(reject.reason(), reject.content()))) {
            return;
        }
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
