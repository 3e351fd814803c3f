package dev.mailtrail.investigate.importer.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.importer.ImportOptions;
import dev.mailtrail.investigate.importer.ImportProgress;
import dev.mailtrail.investigate.importer.ImportSummary;
import dev.mailtrail.investigate.importer.ImportedRecord;
import dev.mailtrail.investigate.importer.Importer;
import dev.mailtrail.investigate.importer.RecordSink;
import dev.mailtrail.investigate.importer.Reject;
import dev.mailtrail.investigate.importer.detect.ExportFormat;
import dev.mailtrail.investigate.importer.identity.InMemoryKnownRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BecExportGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void writesAPurviewExportOfTheSizeAskedThatImportsWithoutRejects() throws Exception {
        Path export = dir.resolve("bec.csv");
        long rows = new BecExportGenerator().write(export, 2L << 20, 42);
        Map<String, Integer> operations = new HashMap<>();

        ImportSummary summary = new Importer(ImportOptions.defaults(), new InMemoryKnownRecords())
                .run(
                        List.of(export),
                        new RecordSink() {
                            @Override
                            public void accept(ImportedRecord record) {
                                operations.merge(record.record().operation(), 1, Integer::sum);
                            }

                            @Override
                            public void reject(Reject reject) {}
                        },
                        ImportProgress.NONE);

        assertThat(Files.size(export)).isBetween(2L << 20, (2L << 20) + 64 * 1024);
        assertThat(summary.files().getFirst().format()).isEqualTo(ExportFormat.PURVIEW_AUDIT_CSV);
        assertThat(summary.read()).isEqualTo(rows);
        assertThat(summary.rejected()).isZero();
        assertThat(summary.duplicates()).as("re-deliveries").isPositive();
        assertThat(operations.get("MailItemsAccessed")).isGreaterThan((int) (summary.imported() / 2));
        assertThat(operations).containsKeys("Send", "MoveToDeletedItems", "UpdateInboxRules", "New-InboxRule");
    }

    @Test
    void theSameSeedWritesTheSameFile() throws Exception {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");

        new BecExportGenerator().write(first, 256 * 1024, 7);
        new BecExportGenerator().write(second, 256 * 1024, 7);

        assertThat(Files.mismatch(first, second)).isEqualTo(-1);
    }

    @Test
    void sizesTakeUnits() {
        assertThat(BecExportGenerator.size("1G")).isEqualTo(1L << 30);
        assertThat(BecExportGenerator.size("100m")).isEqualTo(100L << 20);
        assertThat(BecExportGenerator.size("4096")).isEqualTo(4096);
    }
}
