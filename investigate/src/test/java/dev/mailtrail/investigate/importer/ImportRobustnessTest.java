package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.importer.detect.ExportFormat;
import dev.mailtrail.investigate.importer.identity.InMemoryKnownRecords;
import dev.mailtrail.investigate.mailboxes.IdentityLink;
import dev.mailtrail.investigate.mailboxes.MailboxName.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing silently lost: every file imported or refused with its reason, and nothing imported twice. */
class ImportRobustnessTest {
    @TempDir
    Path dir;

    private Path portalCsvWithTimeColumn(String name, String column) throws Exception {
        String text = Files.readString(Fixtures.path("office-activity-portal.csv"), StandardCharsets.UTF_8);
        Path file = dir.resolve(name);
        Files.writeString(file, text.replace("TimeGenerated [UTC]", column), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aSentinelExportWithoutTimeGeneratedTakesItsTimeFromStartTimeOrCreationTime() throws Exception {
        Path startTime = portalCsvWithTimeColumn("saved-query.csv", "Start_Time [UTC]");
        Path creationTime = portalCsvWithTimeColumn("projected.csv", "CreationTime");
        CollectingSink sink = new CollectingSink();

        ImportSummary summary = new Importer(ImportOptions.defaults(), new InMemoryKnownRecords())
                .run(List.of(startTime, creationTime, Fixtures.path("content-blob.json")), sink, ImportProgress.NONE);

        assertThat(summary.refused()).isEmpty();
        assertThat(summary.files())
                .extracting(FileSummary::format)
                .containsExactly(
                        ExportFormat.OFFICE_ACTIVITY_CSV,
                        ExportFormat.OFFICE_ACTIVITY_CSV,
                        ExportFormat.MANAGEMENT_ACTIVITY_JSON);
        assertThat(summary.files().getFirst().imported()).isEqualTo(2);
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records.getFirst().record().operation()).isEqualTo("New-InboxRule");
        assertThat(sink.records.getFirst().record().creationTime()).isEqualTo(Instant.parse("2026-03-04T19:07:12Z"));
        assertThat(sink.records.getFirst().record().extensions()).doesNotContainKey("Start_Time");
    }

    @Test
    void inADirectoryASentinelExportWithoutTimeGeneratedIsImportedNotSkipped() throws Exception {
        portalCsvWithTimeColumn("rules.csv", "Start_Time [UTC]");
        CollectingSink sink = new CollectingSink();

        ImportSummary summary = Fixtures.importInto(sink, dir);

        assertThat(summary.skipped()).isEmpty();
        assertThat(sink.records)
                .extracting(record -> record.record().operation())
                .containsExactly("New-InboxRule", "Set-Mailbox");
    }

    @Test
    void aSentinelJsonProjectionWithStartTimeAndNoTimeGeneratedIsImported() throws Exception {
        Path projection = dir.resolve("rules.json");
        Files.writeString(
                projection,
                "[{\"Start_Time\":\"2026-03-04T19:07:12Z\",\"Operation\":\"New-InboxRule\",\"UserId\":"
                        + "\"ceo@contoso.example\",\"OfficeObjectId\":\"contoso.onmicrosoft.com/ceo\\\\x\","
                        + "\"Parameters\":\"[{\\\"Name\\\":\\\"ForwardTo\\\",\\\"Value\\\":\\\"a@evil.example\\\"}]\"}]");
        CollectingSink sink = new CollectingSink();

        ImportSummary summary = Fixtures.importInto(sink, projection);

        assertThat(summary.files()).singleElement().satisfies(file -> assertThat(file.format())
                .isEqualTo(ExportFormat.OFFICE_ACTIVITY_JSON));
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).singleElement().satisfies(record -> {
            assertThat(record.record().creationTime()).isEqualTo(Instant.parse("2026-03-04T19:07:12Z"));
            assertThat(record.record().recordType()).isEqualTo(1);
            assertThat(record.record().objectId()).isEqualTo("contoso.onmicrosoft.com/ceo\\x");
        });
    }

    @Test
    void aSentinelExportSavedAgainWithCrlfLineEndingsAddsNoNewRecord() throws Exception {
        Path lf = Fixtures.path("office-activity-portal.csv");
        String text = Files.readString(lf, StandardCharsets.UTF_8).replace("\r\n", "\n");
        Path crlf = dir.resolve("resaved.csv");
        Files.writeString(crlf, text.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        InMemoryKnownRecords known = new InMemoryKnownRecords();
        Importer importer = new Importer(ImportOptions.defaults(), known);

        ImportSummary first = importer.run(List.of(lf), new CollectingSink(), ImportProgress.NONE);
        ImportSummary again = importer.run(List.of(crlf), new CollectingSink(), ImportProgress.NONE);

        assertThat(first.imported()).isEqualTo(2);
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
    }

    @Test
    void aMultiLineTextCellSavedAgainWithCrlfIsTheSameRecord() throws Exception {
        String header = "TimeGenerated [UTC],RecordType,Operation,UserId,OfficeId,ModifiedProperties\n";
        String row = "2026-03-04T19:07:12Z,ExchangeAdmin,Set-Mailbox,ceo@contoso.example,"
                + "8e5a3f61-b294-4a4d-8f3a-5cac5e9f4d04,\"[\n  {\n    \"\"Name\"\": \"\"x\"\"\n  }\n]\"\n";
        Path lf = dir.resolve("lf.csv");
        Path crlf = dir.resolve("crlf.csv");
        Files.writeString(lf, header + row, StandardCharsets.UTF_8);
        Files.writeString(crlf, (header + row).replace("\n", "\r\n"), StandardCharsets.UTF_8);
        Importer importer = new Importer(ImportOptions.defaults(), new InMemoryKnownRecords());

        ImportSummary first = importer.run(List.of(lf), new CollectingSink(), ImportProgress.NONE);
        ImportSummary again = importer.run(List.of(crlf), new CollectingSink(), ImportProgress.NONE);

        assertThat(first.imported()).isEqualTo(1);
        assertThat(again.duplicates()).isEqualTo(1);
    }

    @Test
    void aFileWhoseReadingFailsPartWayIsRefusedAndTheNextFileIsStillImported() throws Exception {
        // Larger than what detection reads, so the cut is met while the rows are read.
        String export = Files.readString(Fixtures.path("purview-audit-search.csv"), StandardCharsets.UTF_8);
        String rows = export.substring(export.indexOf('\n') + 1);
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(export.getBytes(StandardCharsets.UTF_8));
            for (int copy = 0; copy < 100; copy++) {
                gzip.write(rows.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] whole = zipped.toByteArray();
        Path truncated = dir.resolve("cut.csv.gz");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 12));
        CollectingSink sink = new CollectingSink();

        ImportSummary summary = Fixtures.importInto(sink, truncated, Fixtures.path("content-blob.json"));

        assertThat(summary.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.file()).isEqualTo(truncated);
            assertThat(refused.reason()).startsWith("reading stopped: ");
        });
        assertThat(summary.files())
                .extracting(FileSummary::format)
                .containsExactly(ExportFormat.MANAGEMENT_ACTIVITY_JSON);
        assertThat(sink.records).isNotEmpty();
    }

    @Test
    void rejectsOfAFileImportedAgainAreNotWrittenAgain() throws Exception {
        Path rejects = dir.resolve("rejects.jsonl");
        Reject reject = new Reject(dir.resolve("bad.csv"), 3, "AuditData: not JSON", "x,y,{");
        for (int run = 0; run < 2; run++) {
            try (RejectsFile file = new RejectsFile(rejects)) {
                file.write(reject);
                file.flush();
            }
        }

        assertThat(Files.readAllLines(rejects)).hasSize(1);
    }

    @Test
    void aGetMailboxExportIsReadAsTheNamesOfEachMailbox() throws Exception {
        Path mailboxes = dir.resolve("mailboxes.csv");
        Files.writeString(
                mailboxes,
                "#TYPE Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox\r\n"
                        + "\"Name\",\"Alias\",\"DisplayName\",\"UserPrincipalName\",\"PrimarySmtpAddress\","
                        + "\"ExchangeGuid\",\"Guid\",\"ExternalDirectoryObjectId\",\"LegacyExchangeDN\"\r\n"
                        + "\"7d3c8a9e-4b2f-4c1d-8e6f-5a4b3c2d1e0f\",\"ceo\",\"Chief Executive\","
                        + "\"ceo@contoso.example\",\"ceo@contoso.example\",\"3f9e1a7c-0d2b-4e8f-9a6c-1b2d3e4f5a60\","
                        + "\"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f\",\"7d3c8a9e-4b2f-4c1d-8e6f-5a4b3c2d1e0f\","
                        + "\"/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/"
                        + "cn=5b9e0f3c2a4d4e7fb1c2d3e4f5a6b7c8-ceo\"\r\n");
        CollectingSink sink = new CollectingSink();

        ImportSummary summary = Fixtures.importInto(sink, mailboxes);

        assertThat(summary.files()).singleElement().satisfies(file -> {
            assertThat(file.format()).isEqualTo(ExportFormat.MAILBOX_LIST_CSV);
            assertThat(file.links()).isEqualTo(sink.links.size());
        });
        assertThat(sink.records).isEmpty();
        assertThat(sink.links).allSatisfy(link -> {
            assertThat(link.name().kind()).isEqualTo(Kind.UPN);
            assertThat(link.evidence()).isEqualTo("Get-Mailbox export mailboxes.csv line 3");
        });
        assertThat(sink.links)
                .extracting(link -> link.other().kind())
                .containsExactly(
                        Kind.MAILBOX_GUID,
                        Kind.OBJECT_GUID,
                        Kind.EXTERNAL_DIRECTORY_OBJECT_ID,
                        Kind.LEGACY_DN,
                        Kind.DISPLAY_NAME,
                        Kind.ALIAS);
        assertThat(sink.links).extracting(IdentityLink::records).containsOnly(1L);
    }
}
