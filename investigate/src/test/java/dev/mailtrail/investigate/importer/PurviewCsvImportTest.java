package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataWriter;
import dev.mailtrail.investigate.importer.detect.ExportFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurviewCsvImportTest {

    @Test
    void purviewsNewerHeaderImportsEveryRowWithItsLineAndColumns() throws Exception {
        CollectingSink sink = Fixtures.imported("purview-audit-search.csv");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records)
                .extracting(r -> r.record().operation())
                .containsExactly(
                        "MailItemsAccessed",
                        "MailItemsAccessed",
                        "MailItemsAccessed",
                        "New-InboxRule",
                        "UpdateInboxRules");
        // The New-InboxRule row's AuditData is pretty-printed over 47 lines inside its quoted field.
        assertThat(sink.records).extracting(r -> r.origin().line()).containsExactly(2L, 3L, 4L, 5L, 52L);
        assertThat(sink.records).extracting(r -> r.origin().index()).containsExactly(1L, 2L, 3L, 4L, 5L);
        ImportedRecord first = sink.records.getFirst();
        assertThat(first.origin().format()).isEqualTo(ExportFormat.PURVIEW_AUDIT_CSV);
        assertThat(first.exportColumns())
                .containsEntry("RecordId", "5b2d0c3e-8f61-4d1a-9c07-2f7f2b6c1a01")
                .containsEntry("CreationDate", "2026-03-04T19:05:00.0000000Z")
                .doesNotContainKey("AuditData");
    }

    @Test
    void exportCsvMadeInADayFirstLocaleImportsEveryRow() throws Exception {
        // Search-UnifiedAuditLog | Export-Csv (and Microsoft-Extractor-Suite's Get-UAL CSV) in an en-GB session.
        CollectingSink sink = Fixtures.imported("shapes/search-unifiedauditlog-en-gb.csv");

        assertThat(sink.rejects).isEmpty();
        ImportedRecord bind = sink.records.getFirst();
        assertThat(bind.exportColumns()).containsEntry("CreationDate", "14/03/2026 21:40:02");
        assertThat(bind.record().creationTime()).isEqualTo(Instant.parse("2026-03-14T21:40:02Z"));
        assertThat(bind.record().operation()).isEqualTo("MailItemsAccessed");
        assertThat(bind.record().userId()).isEqualTo("ceo@contoso.example");
        assertThat(bind.record().clientIpAddress()).isEqualTo("203.0.113.5");
        assertThat(bind.record().folders()).singleElement().satisfies(folder -> assertThat(folder.folderItems())
                .extracting(item -> item.internetMessageId())
                .containsExactly("<AM6PR04MB1234.payroll-2026@contoso.example>"));
        AuditRecord rule = sink.records.get(1).record();
        assertThat(rule.creationTime()).isEqualTo(Instant.parse("2026-03-14T19:07:40Z"));
        assertThat(rule.operation()).isEqualTo("UpdateInboxRules");
    }

    @Test
    void purviewsExportSavedAgainByExcelInAGermanLocaleImportsTheSameRecords() throws Exception {
        // Excel's "CSV (Trennzeichen-getrennt)": semicolons, quotes only where needed, Windows-1252.
        CollectingSink sink = new CollectingSink();
        ImportSummary summary = Fixtures.importInto(
                sink, Fixtures.path("purview-audit-search.csv"), Fixtures.path("shapes/purview-excel-de.csv"));

        assertThat(sink.rejects).isEmpty();
        assertThat(summary.files()).extracting(FileSummary::format).containsOnly(ExportFormat.PURVIEW_AUDIT_CSV);
        assertThat(summary.files()).extracting(FileSummary::duplicates).containsExactly(0L, 5L);
    }

    @Test
    void mailItemsAccessedBindKeepsItsFoldersAndItems() throws Exception {
        AuditRecord bind =
                Fixtures.imported("purview-audit-search.csv").records.getFirst().record();

        assertThat(bind.mailAccessType()).isEqualTo("Bind");
        assertThat(bind.isThrottled()).isFalse();
        assertThat(bind.operationCount()).isEqualTo(2);
        assertThat(bind.folders()).singleElement().satisfies(folder -> {
            assertThat(folder.path()).isEqualTo("\\Inbox");
            assertThat(folder.folderItems())
                    .extracting(item -> item.internetMessageId())
                    .containsExactly(
                            "<AM6PR04MB1234.wire-transfer@contoso.example>",
                            "<DB8PR01MB5678.invoice-march@fabrikam.example>");
        });
    }

    @Test
    void untidySyncRecordIsNormalisedAndKeepsWhatTheExportSaid() throws Exception {
        ImportedRecord sync =
                Fixtures.imported("purview-audit-search.csv").records.get(1);
        AuditRecord record = sync.record();

        assertThat(record.mailAccessType()).isEqualTo("Sync");
        assertThat(record.folders()).singleElement().satisfies(f -> assertThat(f.path())
                .isEqualTo("\\Boîte de réception"));
        assertThat(record.clientIp()).isEqualTo("2001:db8::1");
        assertThat(record.externalAccess()).isFalse();
        assertThat(record.operationProperties()).contains(new NameValue("IsThrottled", "False"));
        String exported = new AuditDataWriter().toJson(sync.asExported());
        assertThat(exported)
                .contains("\"ClientIP\":\"[2001:db8::1]:443\"")
                .contains("\"ExternalAccess\":\"False\"")
                .contains("\"OperationProperties\":[{\"Name\":\"MailAccessType\",\"Value\":\"Sync\"}]");
    }

    @Test
    void throttledBindIsSeenAsThrottled() throws Exception {
        AuditRecord throttled =
                Fixtures.imported("purview-audit-search.csv").records.get(2).record();

        assertThat(throttled.isThrottled()).isTrue();
        assertThat(throttled.clientIp()).isEqualTo("203.0.113.5");
    }

    @Test
    void forwardingRuleParametersArrive() throws Exception {
        CollectingSink sink = Fixtures.imported("purview-audit-search.csv");
        AuditRecord newInboxRule = sink.records.get(3).record();
        AuditRecord updateInboxRules = sink.records.get(4).record();

        assertThat(newInboxRule.recordType()).isEqualTo(1);
        assertThat(newInboxRule.parameters()).contains(new NameValue("ForwardTo", "attacker@evil.example"));
        assertThat(newInboxRule.clientIp()).isEqualTo("198.51.100.7");
        assertThat(updateInboxRules.operationProperty("RuleActions")).contains("ForwardToRecipientsAction");
    }

    @Test
    void classicHeaderWithUsLocaleDatesImports() throws Exception {
        CollectingSink sink = Fixtures.imported("purview-classic.csv");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records)
                .extracting(r -> r.record().operation())
                .containsExactly("Set-Mailbox", "Send", "MoveToDeletedItems");
        assertThat(sink.records.getFirst().exportColumns()).containsEntry("CreationDate", "3/4/2026 7:09:30 PM");
        assertThat(sink.records.get(1).record().creationTime()).isEqualTo(Instant.parse("2026-03-04T19:12:05Z"));
        assertThat(sink.records.get(2).record().affectedItems())
                .singleElement()
                .satisfies(item -> assertThat(item.subject()).isEqualTo("Unusual sign-in activity"));
    }

    @Test
    void exportCsvWithTypeLineAndExtraColumnsImports() throws Exception {
        CollectingSink sink = Fixtures.imported("search-unifiedauditlog.csv");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).hasSize(3);
        // Line 1 is #TYPE, line 2 the header.
        assertThat(sink.records).extracting(r -> r.origin().line()).containsExactly(3L, 4L, 5L);
        assertThat(sink.records.getFirst().origin().format()).isEqualTo(ExportFormat.UNIFIED_AUDIT_LOG_CSV);
        assertThat(sink.records.getFirst().exportColumns())
                .containsEntry("ResultIndex", "1")
                .containsEntry("ResultCount", "3")
                .containsEntry("Identity", "5b2d0c3e-8f61-4d1a-9c07-2f7f2b6c1a01");
    }
}
