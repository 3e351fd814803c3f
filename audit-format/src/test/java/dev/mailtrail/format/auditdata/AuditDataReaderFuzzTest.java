package dev.mailtrail.format.auditdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailtrail.core.record.AuditRecord;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the AuditData reader, which reads every record an export holds: any text is either a
 * record or an {@link AuditDataException} naming the field (never another exception), and a record read is written
 * and read back as the same record. Without {@code JAZZER_FUZZ} this runs the saved inputs under
 * {@code AuditDataReaderFuzzTestInputs/} as regression tests.
 */
class AuditDataReaderFuzzTest {

    private final AuditDataReader reader = new AuditDataReader();
    private final AuditDataWriter writer = new AuditDataWriter();

    @FuzzTest
    void anyText(byte[] utf8) {
        String text = new String(utf8, StandardCharsets.UTF_8);
        AuditRecord record;
        try {
            record = reader.read(text);
        } catch (AuditDataException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        String written = writer.toJson(record);
        try {
            assertThat(reader.read(written)).as("read back from %s", written).isEqualTo(record);
        } catch (AuditDataException e) {
            throw new AssertionError("the writer wrote what the reader refuses: " + written, e);
        }
    }
}
