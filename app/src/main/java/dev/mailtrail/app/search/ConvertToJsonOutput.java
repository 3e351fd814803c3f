package dev.mailtrail.app.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.mailtrail.store.log.FoundRecord;
import java.io.IOException;
import java.io.OutputStream;

/** {@code … | ConvertTo-Json}: an indented array with one object per result; subclasses write the object's fields. */
abstract class ConvertToJsonOutput implements SearchOutput {
    protected final JsonGenerator json;

    ConvertToJsonOutput(OutputStream out) throws IOException {
        this.json = new JsonFactory().createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter());
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** The fields of one result's object, between its braces. */
    abstract void fields(FoundRecord record, long resultIndex, long resultCount) throws IOException;

    @Override
    public final void begin(long resultCount) throws IOException {
        json.writeStartArray();
    }

    @Override
    public final void write(FoundRecord record, long resultIndex, long resultCount) throws IOException {
        json.writeStartObject();
        fields(record, resultIndex, resultCount);
        json.writeEndObject();
    }

    @Override
    public final void end() throws IOException {
        json.writeEndArray();
        json.writeRaw(System.lineSeparator());
        json.flush();
    }
}
