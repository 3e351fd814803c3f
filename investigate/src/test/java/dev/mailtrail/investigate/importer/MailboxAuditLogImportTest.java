package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.importer.detect.ExportFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailboxAuditLogImportTest {

    @Test
    void everyRowBecomesAnExchangeRecord() throws Exception {
        CollectingSink sink = Fixtures.imported("mailbox-audit-log.csv");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records)
                .extracting(r -> r.record().operation())
                .containsExactly("MailItemsAccessed", "MailItemsAccessed", "Send", "SoftDelete", "UpdateInboxRules");
        assertThat(sink.records).extracting(r -> r.record().recordType()).containsExactly(50, 50, 2, 3, 2);
        assertThat(sink.records).allSatisfy(r -> {
            assertThat(r.origin().format()).isEqualTo(ExportFormat.MAILBOX_AUDIT_LOG_CSV);
            assertThat(r.record().workload()).isEqualTo("Exchange");
        });
    }

    @Test
    void delegateBindKeepsItsFoldersFromAggregatedRecordFoldersData() throws Exception {
        AuditRecord bind =
                Fixtures.imported("mailbox-audit-log.csv").records.getFirst().record();

        assertThat(bind.creationTime()).isEqualTo(Instant.parse("2026-03-04T19:05:00Z"));
        assertThat(bind.logonType()).isEqualTo(2);
        assertThat(bind.resultStatus()).isEqualTo("Succeeded");
        assertThat(bind.mailAccessType()).isEqualTo("Bind");
        assertThat(bind.operationCount()).isEqualTo(1);
        assertThat(bind.clientIp()).isEqualTo("203.0.113.5");
        assertThat(bind.userId()).as("a delegate's UPN is not in the row").isNull();
        assertThat(bind.folders()).singleElement().satisfies(folder -> assertThat(folder.folderItems())
                .extracting(item -> item.internetMessageId())
                .containsExactly("<AM6PR04MB1234.wire-transfer@contoso.example>"));
    }

    @Test
    void ownerSyncNamesItsLocalisedFolderAndIsNotThrottled() throws Exception {
        AuditRecord sync =
                Fixtures.imported("mailbox-audit-log.csv").records.get(1).record();

        assertThat(sync.logonType()).isZero();
        assertThat(sync.userId()).isEqualTo("ceo@contoso.example");
        assertThat(sync.operationProperties())
                .containsExactly(new NameValue("MailAccessType", "Sync"), new NameValue("IsThrottled", "False"));
        assertThat(sync.folders()).singleElement().satisfies(folder -> {
            assertThat(folder.path()).isEqualTo("\\Boîte de réception");
            assertThat(folder.folderItems()).isEmpty();
        });
        assertThat(sync.clientIp()).isEqualTo("2001:db8::1");
    }

    @Test
    void itemAndFolderColumnsGoWhereExchangePutsThem() throws Exception {
        CollectingSink sink = Fixtures.imported("mailbox-audit-log.csv");
        AuditRecord send = sink.records.get(2).record();
        AuditRecord softDelete = sink.records.get(3).record();

        assertThat(send.item().subject()).isEqualTo("Updated bank details for March payment");
        assertThat(send.item().parentFolder().path()).isEqualTo("\\Sent Items");
        assertThat(softDelete.folder().path()).isEqualTo("\\Inbox");
        assertThat(softDelete.destFolder().path()).isEqualTo("\\Recoverable Items\\Deletions");
        assertThat(softDelete.extensions())
                .containsEntry("SourceItemSubjectsList", "Unusual sign-in activity, Your MFA code");
    }

    @Test
    void nameValueOperationPropertiesWithBlanksInValuesArePairs() throws Exception {
        AuditRecord rule =
                Fixtures.imported("mailbox-audit-log.csv").records.get(4).record();

        assertThat(rule.operationProperties())
                .containsExactly(
                        new NameValue("RuleName", "Forward all"),
                        new NameValue("RuleActions", "ForwardToRecipientsAction"),
                        new NameValue("RuleOperation", "AddMailboxRule"));
    }

    @Test
    void powerShellColumnsStayOutOfTheRecordButInTheExportColumns() throws Exception {
        ImportedRecord first =
                Fixtures.imported("mailbox-audit-log.csv").records.getFirst();

        assertThat(first.record().extensions()).doesNotContainKeys("Identity", "IsValid", "ObjectState");
        assertThat(first.record().extensions()).containsEntry("MailboxResolvedOwnerName", "Chief Executive");
        assertThat(first.exportColumns())
                .containsEntry("Identity", "RgAAAAD1bXbmT0Hv0Q")
                .containsEntry("LastAccessed", "3/4/2026 7:05:00 PM");
    }
}
