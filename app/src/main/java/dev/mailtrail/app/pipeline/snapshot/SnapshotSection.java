package dev.mailtrail.app.pipeline.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * One stateful part of the audit core as a snapshot holds it: a named JSON value it writes and takes up again. A part
 * added to the core (say, pending intents) adds a section; a snapshot without it leaves that part as new, so that
 * older snapshots still open.
 */
public interface SnapshotSection {
    /** The member name under {@code sections}; unique within a snapshot. */
    String name();

    /** Writes this part's state as one JSON value; runs on the thread that owns the state. */
    void write(JsonGenerator out) throws IOException;

    /** Takes up the state {@link #write} wrote, into a part that is still new. */
    void read(JsonNode in) throws SnapshotFormatException;

    /** A section from a writer and a reader. */
    static SnapshotSection of(String name, Writer writer, Reader reader) {
        return new SnapshotSection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void write(JsonGenerator out) throws IOException {
                writer.write(out);
            }

            @Override
            public void read(JsonNode in) throws SnapshotFormatException {
                reader.read(in);
            }
        };
    }

    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator out) throws IOException;
    }

    @FunctionalInterface
    interface Reader {
        void read(JsonNode in) throws SnapshotFormatException;
    }
}
