package dev.mailtrail.app.pipeline.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.generate.PendingIntents;
import dev.mailtrail.format.event.BinaryEventCodec;
import dev.mailtrail.format.event.EventFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The intents journaled and not yet answered (decision 0011), as a snapshot holds them: each intent in the journal's
 * own binary form (decision 0016), base64, with the items of it no read has named yet.
 */
final class PendingIntentsJson {
    private PendingIntentsJson() {}

    static void write(List<PendingIntents.Pending> pending, JsonGenerator out) throws IOException {
        out.writeStartArray();
        BinaryEventCodec.Output bytes = new BinaryEventCodec.Output();
        for (PendingIntents.Pending one : pending) {
            bytes.reset();
            BinaryEventCodec.write(one.intent(), bytes);
            out.writeStartObject();
            out.writeStringField("intent", Base64.getEncoder().encodeToString(bytes.toByteArray()));
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
            pending.add(
                    new PendingIntents.Pending(intent(Json.text(one, "intent")), List.of(Json.texts(one, "unnamed"))));
        }
        return pending;
    }

    private static AccessIntent intent(String base64) throws SnapshotFormatException {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (BinaryEventCodec.read(bytes, 0, bytes.length) instanceof AccessIntent intent) {
                return intent;
            }
            throw new SnapshotFormatException("a pending intent is not an intent");
        } catch (EventFormatException | IllegalArgumentException e) {
            throw new SnapshotFormatException("a pending intent cannot be read: " + e.getMessage(), e);
        }
    }
}
