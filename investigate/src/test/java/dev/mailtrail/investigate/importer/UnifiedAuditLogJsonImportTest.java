package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.importer.detect.ExportFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code Search-UnifiedAuditLog}'s objects as JSON: Windows PowerShell's {@code ConvertTo-Json | Out-File}
 * (UTF-16, {@code "\/Date(…)\/"}, {@code \u003c} escapes, AuditData as text), and Microsoft-Extractor-Suite's
 * {@code Get-UAL -Output JSON} (PowerShell 7, AuditData parsed, one array per time window appended, a window of one
 * record written as an object) and {@code -Output JSONL}. The records are lines 2 and 3 of audit-data.jsonl.
 */
class UnifiedAuditLogJsonImportTest {

    @Test
    void windowsPowerShellConvertToJsonImportsTheAuditData() throws Exception {
        CollectingSink sink = Fixtures.imported("shapes/ps51-convertto-json.json");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).hasSize(2);
        ImportedRecord bind = sink.records.getFirst();
        assertThat(bind.origin().format()).isEqualTo(ExportFormat.UNIFIED_AUDIT_LOG_JSON);
        assertThat(bind.origin().line()).isEqualTo(2);
        assertMailItemsAccessedBind(bind.record());
        assertThat(bind.exportColumns())
                .containsEntry("CreationDate", "/Date(1772660402000)/")
                .containsEntry("RecordType", "50")
                .containsEntry("Operations", "MailItemsAccessed")
                .containsEntry("ResultIndex", "1")
                .doesNotContainKey("AuditData");
        assertUpdateInboxRules(sink.records.get(1).record());
    }

    @Test
    void extractorSuiteGetUalJsonImportsEveryWindow() throws Exception {
        CollectingSink sink = Fixtures.imported("shapes/extractor-suite-ual.json");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).hasSize(2);
        assertThat(sink.records.getFirst().origin().format()).isEqualTo(ExportFormat.UNIFIED_AUDIT_LOG_JSON);
        assertMailItemsAccessedBind(sink.records.getFirst().record());
        ImportedRecord rule = sink.records.get(1);
        assertUpdateInboxRules(rule.record());
        assertThat(rule.exportColumns())
                .containsEntry("RecordType", "ExchangeItem")
                .containsEntry("CreationDate", "2026-03-04T19:07:40");
    }

    @Test
    void extractorSuiteMergedJsonImportsEveryRecordOnce() throws Exception {
        // Merge-OutputFiles of two Get-UAL JSON files: outer brackets cut, the one-record window left as an object.
        CollectingSink sink = Fixtures.imported("shapes/extractor-suite-ual-merged.json");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).hasSize(2);
        assertMailItemsAccessedBind(sink.records.getFirst().record());
        assertUpdateInboxRules(sink.records.get(1).record());
    }

    @Test
    void extractorSuiteGetUalJsonLinesImportEachLine() throws Exception {
        CollectingSink sink = Fixtures.imported("shapes/extractor-suite-ual.jsonl");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).extracting(r -> r.origin().line()).containsExactly(1L, 2L);
        assertMailItemsAccessedBind(sink.records.getFirst().record());
        assertUpdateInboxRules(sink.records.get(1).record());
    }

    @Test
    void everyShapeIsTheSameRecordAsTheAuditDataItCarries() throws Exception {
        CollectingSink sink = new CollectingSink();
        ImportSummary summary = Fixtures.importInto(
                sink,
                Fixtures.path("audit-data.jsonl"),
                Fixtures.path("shapes/ps51-convertto-json.json"),
                Fixtures.path("shapes/extractor-suite-ual.json"),
                Fixtures.path("shapes/extractor-suite-ual.jsonl"));

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).hasSize(3);
        assertThat(summary.files()).extracting(FileSummary::duplicates).containsExactly(0L, 2L, 2L, 2L);
    }

    static void assertMailItemsAccessedBind(AuditRecord bind) {
        assertThat(bind.creationTime()).isEqualTo(Instant.parse("2026-03-04T21:40:02Z"));
        assertThat(bind.operation()).isEqualTo("MailItemsAccessed");
        assertThat(bind.recordType()).isEqualTo(50);
        assertThat(bind.userId()).isEqualTo("ceo@contoso.example");
        assertThat(bind.clientIpAddress()).isEqualTo("203.0.113.5");
        assertThat(bind.mailAccessType()).isEqualTo("Bind");
        assertThat(bind.isThrottled()).isTrue();
        assertThat(bind.folders()).singleElement().satisfies(folder -> {
            assertThat(folder.path()).isEqualTo("\\Inbox");
            assertThat(folder.folderItems()).singleElement().satisfies(item -> {
                assertThat(item.internetMessageId()).isEqualTo("<AM6PR04MB1234.payroll-2026@contoso.example>");
                assertThat(item.sizeInBytes()).isEqualTo(9921L);
            });
        });
        // Nothing is left over but what normalisation keeps as exported (the port on ClientIP, Graph's "…Z"
        // spelling of CreationTime): no annotation, no Folders kept as written for want of its shape.
        assertThat(bind.extensions().keySet()).isSubsetOf("ClientIP", "CreationTime");
    }

    static void assertUpdateInboxRules(AuditRecord rule) {
        assertThat(rule.creationTime()).isEqualTo(Instant.parse("2026-03-04T19:07:40Z"));
        assertThat(rule.operation()).isEqualTo("UpdateInboxRules");
        assertThat(rule.userId()).isEqualTo("ceo@contoso.example");
        assertThat(rule.clientIpAddress()).isEqualTo("198.51.100.7");
    }
}
