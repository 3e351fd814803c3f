package dev.mailtrail.investigate.importer;

import static dev.mailtrail.investigate.importer.UnifiedAuditLogJsonImportTest.assertMailItemsAccessedBind;
import static dev.mailtrail.investigate.importer.UnifiedAuditLogJsonImportTest.assertUpdateInboxRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.investigate.importer.detect.ExportFormat;
import dev.mailtrail.investigate.importer.detect.UnrecognisedExportException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft Graph's audit log query records, whose auditData carries OData annotations at every depth
 * ({@code "RecordType@odata.type":"#Int64"}, {@code "FolderItems@odata.type":"#Collection(…)"}), in every shape
 * they are saved in: the API's pages, Microsoft-Extractor-Suite's {@code Get-UALGraph} JSON (an array of records),
 * CSV (auditData pretty-printed in a column, {@code createdDateTime} in the US locale) and JSONL / SOF-ELK (the
 * auditData alone, one per line). The records are lines 2 and 3 of audit-data.jsonl.
 */
class GraphAuditRecordsImportTest {

    @TempDir
    Path dir;

    @Test
    void apiPagesImportTheRecordsOfEveryPage() throws Exception {
        CollectingSink sink = Fixtures.imported("shapes/graph-audit-records-pages.json");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).extracting(r -> r.origin().line()).containsExactly(1L, 2L);
        ImportedRecord bind = sink.records.getFirst();
        assertThat(bind.origin().format()).isEqualTo(ExportFormat.GRAPH_AUDIT_LOG_RECORDS);
        assertMailItemsAccessedBind(bind.record());
        assertThat(bind.exportColumns())
                .containsEntry("id", "7d4f2e50-a183-4f3c-9e29-4b9b4d8e3c03")
                .containsEntry("createdDateTime", "2026-03-04T21:40:02Z")
                .containsEntry("auditLogRecordType", "ExchangeItemAggregated")
                .containsEntry("userPrincipalName", "ceo@contoso.example")
                .containsEntry("userId", "10032001A2B3C4D5")
                .doesNotContainKeys("auditData", "clientIp");
        assertUpdateInboxRules(sink.records.get(1).record());
    }

    @Test
    void extractorSuiteGetUalGraphJsonImportsEachRecord() throws Exception {
        CollectingSink sink = Fixtures.imported("shapes/graph-audit-records.json");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).hasSize(2);
        assertThat(sink.records.getFirst().origin().format()).isEqualTo(ExportFormat.GRAPH_AUDIT_LOG_RECORDS);
        assertMailItemsAccessedBind(sink.records.getFirst().record());
        assertUpdateInboxRules(sink.records.get(1).record());
    }

    @Test
    void extractorSuiteGetUalGraphCsvReadsTheAuditDataColumn() throws Exception {
        CollectingSink sink = Fixtures.imported("shapes/graph-audit-records.csv");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).hasSize(2);
        ImportedRecord bind = sink.records.getFirst();
        assertMailItemsAccessedBind(bind.record());
        assertThat(bind.exportColumns()).containsEntry("createdDateTime", "3/4/2026 9:40:02 PM");
        assertUpdateInboxRules(sink.records.get(1).record());
    }

    @Test
    void extractorSuiteGetUalGraphJsonLinesAreAuditDataWithoutAnnotations() throws Exception {
        CollectingSink sink = Fixtures.imported("shapes/graph-audit-data.jsonl");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records.getFirst().origin().format()).isEqualTo(ExportFormat.AUDIT_DATA_JSON_LINES);
        assertMailItemsAccessedBind(sink.records.getFirst().record());
        assertUpdateInboxRules(sink.records.get(1).record());
    }

    @Test
    void dfirO365rcPurviewOutputIsAuditDataWithoutAnnotations() throws Exception {
        // ANSSI's DFIR-O365RC writes each page's auditData with ConvertTo-Json, appended; a page of one is an object.
        CollectingSink sink = Fixtures.imported("shapes/dfir-o365rc-purview.json");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records)
                .extracting(r -> r.record().operation())
                .containsExactly("MailItemsAccessed", "MailItemsAccessed", "UpdateInboxRules");
        assertThat(sink.records.getFirst().record().folders())
                .singleElement()
                .satisfies(folder -> assertThat(folder.path()).isEqualTo("\\Boîte de réception"));
        assertMailItemsAccessedBind(sink.records.get(1).record());
        assertUpdateInboxRules(sink.records.get(2).record());
    }

    @Test
    void everyShapeIsTheSameRecordAsTheAuditDataItCarries() throws Exception {
        CollectingSink sink = new CollectingSink();
        ImportSummary summary = Fixtures.importInto(
                sink,
                Fixtures.path("audit-data.jsonl"),
                Fixtures.path("shapes/graph-audit-records-pages.json"),
                Fixtures.path("shapes/graph-audit-records.json"),
                Fixtures.path("shapes/graph-audit-records.csv"),
                Fixtures.path("shapes/graph-audit-data.jsonl"),
                Fixtures.path("shapes/dfir-o365rc-purview.json"));

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).hasSize(3);
        assertThat(summary.files()).extracting(FileSummary::duplicates).containsExactly(0L, 2L, 2L, 2L, 2L, 3L);
    }

    @Test
    void aBrokenPageRejectsItsRestAndKeepsTheRecordsBefore() throws Exception {
        String page = Files.readString(Fixtures.path("shapes/graph-audit-records-pages.json"));
        String firstPage = page.substring(0, page.indexOf('\n'));
        Path broken = dir.resolve("pages.json");
        Files.writeString(broken, firstPage.replace("}]}", "},{\"id\":\"x\",\"auditData\":{\"CreationTime\"}}]}"));

        CollectingSink sink = new CollectingSink();
        Fixtures.importInto(sink, broken);

        assertThat(sink.records).hasSize(1);
        assertThat(sink.rejects).singleElement().satisfies(reject -> {
            assertThat(reject.line()).isEqualTo(1);
            assertThat(reject.reason()).startsWith("OData page: invalid JSON at line 1, column ");
            assertThat(reject.content()).startsWith("{\"id\":\"x\"");
        });
    }

    @Test
    void aPageOfOtherRecordsIsRefusedNamingTheFileAndTheKnownFormats() throws Exception {
        Path signIns = dir.resolve("signins.json");
        Files.writeString(
                signIns,
                "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns\",\"value\":"
                        + "[{\"id\":\"1\",\"createdDateTime\":\"2026-03-04T19:05:00Z\",\"userPrincipalName\":"
                        + "\"ceo@contoso.example\",\"ipAddress\":\"203.0.113.5\"}]}");

        assertThatThrownBy(() -> new dev.mailtrail.investigate.importer.detect.ExportDetector().detect(signIns))
                .isInstanceOf(UnrecognisedExportException.class)
                .hasMessageStartingWith(signIns + ": not an audit export MailTrail knows (an OData page whose records"
                        + " have the members [id, createdDateTime, userPrincipalName, ipAddress])")
                .hasMessageContaining("  - Microsoft Graph audit log query records: ");
    }
}
