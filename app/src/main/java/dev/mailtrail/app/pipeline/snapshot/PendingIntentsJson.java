package dev.mailtrail.app.pipeline.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.generate.PendingIntents;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The intents journaled and not yet answered (decision 0011), as a snapshot holds them: each intent in the journal's
 * own binary form (decision 0016), base64, with the items of it no read has named yet.
 */
final class PendingIntentsJson {
    private PendingIntentsJson() {}

    static void write(List<PendingIntents.Pending> pending, JsonGenerator out) throws IOException {
        out.writeStartArray();
        EventText text = new EventText();
        for (PendingIntents.Pending one : pending) {
            out.writeStartObject();
            out.writeStringField("intent", text.of(one.intent()));
            out.writeArrayFieldStart("unnamed");
            for (String item : one.unnamed()) {
                out.writeString(item);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    static List<PendingIntents.Pending> read(JsonNode in) throws SnapshotFormatException {
        if (!in.isArray()) {
            throw new SnapshotFormatException("\"pendingIntents\" is not an array: " + in);
        }
        List<PendingIntents.Pending> pending = new ArrayList<>();
        for (JsonNode one : in) {
            pending.add(new PendingIntents.Pending(
                    EventText.read(Json.text(one, "intent"), AccessIntent.class, "a pending intent"),
                    List.of(Json.texts(one, "unnamed"))));
        }
        return pending;
    }
}
