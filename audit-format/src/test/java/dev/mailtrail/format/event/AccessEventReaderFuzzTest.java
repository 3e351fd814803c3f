package dev.mailtrail.format.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailtrail.core.event.AuditEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the access-event readers that {@code ingest}, {@code replay} and journal recovery use:
 * any bytes are an event or an {@link EventFormatException} naming the field (never another exception); the string
 * and byte readers agree; an event read is written and read back as the same event. Without {@code JAZZER_FUZZ}
 * this runs the saved inputs under {@code AccessEventReaderFuzzTestInputs/} as regression tests.
 */
class AccessEventReaderFuzzTest {

    private final AccessEventReader reader = new AccessEventReader();
    private final AccessEventWriter writer = new AccessEventWriter();

    @FuzzTest
    void jsonLine(byte[] line) {
        AuditEvent fromBytes;
        try {
            fromBytes = reader.read(line, 0, line.length);
        } catch (EventFormatException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        byte[] written = writer.toBytes(fromBytes);
        try {
            assertThat(reader.read(written, 0, written.length)).as("read back").isEqualTo(fromBytes);
            if (isUtf8(line)) { // invalid bytes become U+FFFD in a String, which may then read otherwise
                assertThat(reader.read(new String(line, StandardCharsets.UTF_8)))
                        .isEqualTo(fromBytes);
            }
        } catch (EventFormatException e) {
            throw new AssertionError("refused on the second reading: " + e.getMessage(), e);
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @FuzzTest
    void journalEntry(byte[] entry) {
        AuditEvent event;
        try {
            event = BinaryEventCodec.read(entry, 0, entry.length);
        } catch (EventFormatException refused) {
            return;
        }
        BinaryEventCodec.Output out = new BinaryEventCodec.Output();
        BinaryEventCodec.write(event, out);
        byte[] written = out.toByteArray();
        try {
            assertThat(BinaryEventCodec.read(written, 0, written.length)).isEqualTo(event);
        } catch (EventFormatException e) {
            throw new AssertionError("the codec wrote what it refuses: " + e.getMessage(), e);
        }
    }
}
