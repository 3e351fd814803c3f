package dev.mailtrail.app.pipeline.snapshot;

import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.format.event.BinaryEventCodec;
import dev.mailtrail.format.event.EventFormatException;
import java.util.Base64;

/**
 * An event a snapshot holds, in the journal's own binary form (decision 0016) as base64 text: the form the journal
 * already reads and writes, so a snapshot needs no second encoding of events.
 */
final class EventText {
    private final BinaryEventCodec.Output bytes = new BinaryEventCodec.Output();

    /** {@code event} as base64 of its binary form; reuses one buffer, so one writer per thread. */
    String of(AuditEvent event) {
        bytes.reset();
        BinaryEventCodec.write(event, bytes);
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The event of {@code text}, which must be a {@code kind}; {@code what} names it in an error. */
    static <T extends AuditEvent> T read(String text, Class<T> kind, String what) throws SnapshotFormatException {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            AuditEvent event = BinaryEventCodec.read(bytes, 0, bytes.length);
            if (kind.isInstance(event)) {
                return kind.cast(event);
            }
            throw new SnapshotFormatException(what + " is not a " + kind.getSimpleName());
        } catch (EventFormatException | IllegalArgumentException e) {
            throw new SnapshotFormatException(what + " cannot be read: " + e.getMessage(), e);
        }
    }
}
