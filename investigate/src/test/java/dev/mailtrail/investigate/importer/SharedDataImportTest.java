package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.importer.detect.ExportFormat;
import dev.mailtrail.investigate.importer.identity.InMemoryKnownRecords;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedDataImportTest {

    private static ImportSummary importAll(CollectingSink sink, java.nio.file.Path... inputs) throws Exception {
        return new Importer(ImportOptions.defaults(), new InMemoryKnownRecords())
                .run(List.of(inputs), sink, ImportProgress.NONE);
    }

    @Test
    void msticpysSentinelProjectionImportsEveryRowWithoutRejects() throws Exception {
        CollectingSink sink = new CollectingSink();
        ImportSummary summary = importAll(sink, SharedData.file("msticpy/demo_exchange_data.csv"));

        assertThat(summary.files()).singleElement().satisfies(file -> {
            assertThat(file.format()).isEqualTo(ExportFormat.OFFICE_ACTIVITY_CSV);
            assertThat(file.read()).isEqualTo(1_334);
            assertThat(file.rejected()).isZero();
            // 26 rows are repeated verbatim: with no Id in this projection, the same record delivered twice.
            assertThat(file.duplicates()).isEqualTo(26);
            assertThat(file.imported()).isEqualTo(1_308);
        });
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).hasSize(1_308);
    }

    @Test
    void plasosManagementActivityRecordsImportWithoutRejects() throws Exception {
        CollectingSink sink = new CollectingSink();
        ImportSummary summary = importAll(sink, SharedData.file("plaso/microsoft_audit_log.jsonl"));

        assertThat(summary.files()).singleElement().satisfies(file -> {
            assertThat(file.format()).isEqualTo(ExportFormat.AUDIT_DATA_JSON_LINES);
            assertThat(file.read()).isEqualTo(4);
            assertThat(file.imported()).isEqualTo(4);
            assertThat(file.rejected()).isZero();
        });
    }

    @Test
    void theWholeSharedDirectoryImportsWithZeroRejects() throws Exception {
        CollectingSink sink = new CollectingSink();
        ImportSummary summary = importAll(sink, SharedData.directory());

        assertThat(summary.files()).hasSize(2);
        assertThat(summary.read()).isEqualTo(1_338);
        assertThat(summary.rejected()).isZero();
        assertThat(summary.skipped())
                .extracting(skipped -> skipped.file().getFileName().toString())
                .containsExactly("SOURCES.md");
    }
}
