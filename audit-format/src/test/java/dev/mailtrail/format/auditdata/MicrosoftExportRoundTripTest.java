package dev.mailtrail.format.auditdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real records from a Management Activity API export (plaso's test data) survive reading and writing. */
class MicrosoftExportRoundTripTest {
    private static final ObjectMapper TREES = new ObjectMapper();

    private final AuditDataReader reader = new AuditDataReader();
    private final AuditDataWriter writer = new AuditDataWriter();

    static List<String> exportLines() throws IOException {
        return Files.readAllLines(SharedData.file("plaso/microsoft_audit_log.jsonl")).stream()
                .filter(line -> !line.isBlank())
                .toList();
    }

    @ParameterizedTest
    @MethodSource("exportLines")
    void everyExportedRecordWritesBackAsTheSameJsonTree(String line) throws Exception {
        AuditRecord record = reader.read(line);

        assertThat(TREES.readTree(writer.toJson(record))).isEqualTo(TREES.readTree(line));
    }

    @ParameterizedTest
    @MethodSource("exportLines")
    void everyFieldOfTheExportIsModelled(String line) throws Exception {
        assertThat(reader.read(line).extensions()).isEmpty();
    }

    @Test
    void anAdminCmdletRecordReadsIntoTypedFields() throws Exception {
        AuditRecord record = reader.read(exportLines().get(1));

        assertThat(record.recordType()).isEqualTo(1);
        assertThat(record.operation()).isEqualTo("Set-MailboxPlan");
        assertThat(record.creationTime()).hasToString("2022-05-07T12:56:18Z");
        assertThat(record.userType()).isEqualTo(3);
        assertThat(record.externalAccess()).isTrue();
        assertThat(record.userKey()).isEqualTo("NT AUTHORITY\\SYSTEM (Microsoft.Exchange.Servicehost)");
        assertThat(record.parameters())
                .contains(new NameValue("ResetPasswordOnNextLogon", "False"))
                .hasSize(3);
    }
}
