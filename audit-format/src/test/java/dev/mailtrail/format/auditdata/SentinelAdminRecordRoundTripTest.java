package dev.mailtrail.format.auditdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.RecordType;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exchange admin cmdlet records as Sentinel's OfficeActivity projects them (msticpy's demo data): each row,
 * made into a RecordType 1 record, goes through writer, reader and writer unchanged.
 */
class SentinelAdminRecordRoundTripTest {
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final List<String> HEADER =
            List.of("TimeGenerated", "UserId", "ClientIP", "Operation", "Parameters");

    private static List<List<String>> rows;

    private final AuditDataReader reader = new AuditDataReader();
    private final AuditDataWriter writer = new AuditDataWriter();

    @BeforeAll
    static void readExport() throws IOException {
        List<List<String>> records =
                Rfc4180Reader.records(Files.readString(SharedData.file("msticpy/demo_exchange_data.csv")));
        assertThat(records.getFirst()).isEqualTo(HEADER);
        rows = records.subList(1, records.size());
    }

    @Test
    void theExportHoldsEveryDocumentedRow() {
        assertThat(rows).hasSize(1334).allSatisfy(row -> assertThat(row).hasSize(HEADER.size()));
    }

    @Test
    void everyRowRoundTripsThroughWriterReaderWriter() throws Exception {
        for (List<String> row : rows) {
            AuditRecord record = adminRecord(row);
            String written = writer.toJson(record);
            AuditRecord read = reader.read(written);

            assertThat(read).as(written).isEqualTo(record);
            assertThat(TREES.readTree(writer.toJson(read))).as(written).isEqualTo(TREES.readTree(written));
        }
    }

    @Test
    void everyRowsParametersWriteBackAsTheOriginalJsonArray() throws Exception {
        for (List<String> row : rows) {
            JsonNode written = TREES.readTree(writer.toJson(adminRecord(row)));

            assertThat(written.get("Parameters")).isEqualTo(TREES.readTree(row.get(4)));
        }
    }

    @Test
    void timeGeneratedBecomesExchangesCreationTimeSpelling() throws Exception {
        for (List<String> row : rows) {
            JsonNode written = TREES.readTree(writer.toJson(adminRecord(row)));

            assertThat(written.get("CreationTime").textValue() + "Z").isEqualTo(row.get(0));
        }
    }

    private static AuditRecord adminRecord(List<String> row) throws IOException {
        return AuditRecord.builder()
                .creationTime(Instant.parse(row.get(0)))
                .recordType(RecordType.EXCHANGE_ADMIN)
                .userId(emptyAsAbsent(row.get(1)))
                .clientIp(emptyAsAbsent(row.get(2)))
                .operation(row.get(3))
                .parameters(parameters(row.get(4)))
                .build();
    }

    private static List<NameValue> parameters(String json) throws IOException {
        List<NameValue> parameters = new ArrayList<>();
        for (JsonNode pair : TREES.readTree(json)) {
            parameters.add(new NameValue(
                    pair.get("Name").textValue(), pair.get("Value").textValue()));
        }
        return parameters;
    }

    private static String emptyAsAbsent(String csvField) {
        return csvField.isEmpty() ? null : csvField;
    }
}
