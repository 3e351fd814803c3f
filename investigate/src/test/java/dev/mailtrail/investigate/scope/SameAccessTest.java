package dev.mailtrail.investigate.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.importer.ImportOptions;
import dev.mailtrail.investigate.importer.ImportProgress;
import dev.mailtrail.investigate.importer.ImportedRecord;
import dev.mailtrail.investigate.importer.Importer;
import dev.mailtrail.investigate.importer.RecordSink;
import dev.mailtrail.investigate.importer.Reject;
import dev.mailtrail.investigate.importer.identity.InMemoryKnownRecords;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One access, one record: a Search-MailboxAuditLog row and the unified record of the same access count once. */
class SameAccessTest {
    private static final String CEO = "ceo@contoso.example";

    @TempDir
    Path dir;

    /** The mailbox audit log fixture's first row (a Bind of one message), as Search-UnifiedAuditLog has it. */
    private static final String UNIFIED = "{\"CreationTime\":\"2026-03-04T19:05:00\",\"Id\":"
            + "\"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0\",\"Operation\":\"MailItemsAccessed\",\"OrganizationId\":"
            + "\"0b7f3e2a-7c1d-4e5f-9a8b-1c2d3e4f5a6b\",\"RecordType\":50,\"ResultStatus\":\"Succeeded\",\"UserKey\":"
            + "\"10032001A2B3C4D6\",\"UserType\":0,\"Version\":1,\"Workload\":\"Exchange\",\"UserId\":"
            + "\"assistant@contoso.example\",\"ClientIPAddress\":\"203.0.113.5\",\"ClientInfoString\":"
            + "\"Client=OWA;Action=ViaProxy\",\"ExternalAccess\":false,\"LogonType\":2,\"MailboxGuid\":"
            + "\"7d3c8a9e-4b2f-4c1d-8e6f-5a4b3c2d1e0f\",\"MailboxOwnerUPN\":\"ceo@contoso.example\","
            + "\"SessionId\":\"a1b2c3d4-0000-4000-8000-000000000001\",\"OperationProperties\":[{\"Name\":"
            + "\"MailAccessType\",\"Value\":\"Bind\"},{\"Name\":\"IsThrottled\",\"Value\":\"False\"}],"
            + "\"OperationCount\":1,\"Folders\":[{\"FolderItems\":[{\"InternetMessageId\":"
            + "\"<AM6PR04MB1234.wire-transfer@contoso.example>\",\"SizeInBytes\":48213}],\"Id\":"
            + "\"LgAAAAAmQ2CWqOdYRL4AAAAAAQAAAAAAAAEMAAAB\",\"Path\":\"\\\\Inbox\"}]}\n";

    @Test
    void aMailboxAuditLogRowAndTheUnifiedRecordOfTheSameReadAreOneReadInTheRicherForm() throws Exception {
        Path mailboxRows = dir.resolve("mailbox-audit.csv");
        List<String> lines = Files.readAllLines(fixture("mailbox-audit-log.csv"), StandardCharsets.UTF_8);
        Files.write(mailboxRows, lines.subList(0, 3), StandardCharsets.UTF_8);
        Path unified = dir.resolve("unified.jsonl");
        Files.writeString(unified, UNIFIED, StandardCharsets.UTF_8);

        List<AuditRecord> records = imported(mailboxRows, unified);
        Scope scope = new ScopeAnalysis().analyse(records, new ScopeQuery(CEO, null, null, AttackerHints.none()));

        assertThat(records).hasSize(2);
        assertThat(scope.reads()).singleElement().satisfies(read -> assertThat(
                        read.access().recordId())
                .isEqualTo("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"));
        assertThat(scope.records()).isEqualTo(1);
    }

    @Test
    void searchesExportedByBothLogsAreCountedOnce() {
        List<AuditRecord> records = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            AuditRecord search = Records.mailbox(
                            "09:0" + n + ":00", "SearchQueryInitiatedExchange", 101, "s-evil", "203.0.113.5")
                    .operationProperties(List.of(new dev.mailtrail.core.event.NameValue("SearchQueryText", "wire")))
                    .build();
            records.add(search);
            // The mailbox audit log's row of the same search: no Id, fewer fields.
            records.add(search.toBuilder().id(null).clientInfoString(null).build());
        }

        Scope scope =
                new ScopeAnalysis().analyse(records, new ScopeQuery(Records.ALICE, null, null, AttackerHints.none()));

        assertThat(scope.actions(AttackerAction.Kind.SEARCH)).hasSize(4);
        assertThat(scope.statement()).contains("searched the mailbox 4 times");
    }

    @Test
    void twoRecordsWithIdsStayTwoHoweverAlike() {
        AuditRecord read = Records.bind("08:00:00", "s1", "203.0.113.5", "\\Inbox", "<a@x>");
        AuditRecord other = read.toBuilder().id("another-id").build();

        assertThat(SameAccess.once(List.of(read, other))).hasSize(2);
        assertThat(SameAccess.once(List.of(read, read.toBuilder().id(null).build())))
                .containsExactly(read);
        assertThat(SameAccess.once(List.of(read.toBuilder().id(null).build(), read)))
                .containsExactly(read);
    }

    private static List<AuditRecord> imported(Path... files) throws Exception {
        List<AuditRecord> records = new ArrayList<>();
        new Importer(ImportOptions.defaults(), new InMemoryKnownRecords())
                .run(
                        List.of(files),
                        new RecordSink() {
                            @Override
                            public void accept(ImportedRecord record) {
                                records.add(record.record());
                            }

                            @Override
                            public void reject(Reject reject) {
                                throw new AssertionError(reject.toString());
                            }
                        },
                        ImportProgress.NONE);
        return records;
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SameAccessTest.class.getResource("/importer/" + name).toURI());
    }
}
