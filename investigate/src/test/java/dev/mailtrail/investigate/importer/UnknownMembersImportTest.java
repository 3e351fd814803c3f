package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.RecordItem;
import dev.mailtrail.format.auditdata.AuditDataWriter;
import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.AttackerHints;
import dev.mailtrail.investigate.scope.Scope;
import dev.mailtrail.investigate.scope.ScopeAnalysis;
import dev.mailtrail.investigate.scope.ScopeQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real records whose items carry members MailTrail does not model ({@code Sensitivity}, {@code ImmutableId},
 * {@code ClientRequestId}, {@code Attachments}, {@code SizeInBytes} as text) are read whole: their reads, deleted
 * items and sent messages reach the scope, and each record writes back as exported.
 */
class UnknownMembersImportTest {
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final String REAL_SHAPED = "unknown-members/real-shaped.jsonl";

    @Test
    void readsWhoseItemsCarryUnknownMembersAreRead() throws Exception {
        CollectingSink sink = Fixtures.imported(REAL_SHAPED);

        assertThat(sink.rejects).isEmpty();
        AuditRecord read = sink.records.getFirst().record();
        assertThat(read.extensions()).doesNotContainKey("Folders");
        assertThat(read.folders().getFirst().folderItems())
                .extracting(ItemRef::internetMessageId)
                .containsExactly("<inv-0042@fabrikam.com>", "<inv-0043@fabrikam.com>", "<wire-0001@fabrikam.com>");
        // "48213" as text is typed, as ExternalAccess "False" is.
        assertThat(read.folders().getFirst().folderItems().getFirst().sizeInBytes())
                .isEqualTo(48213L);
        assertThat(sink.records.getFirst().warnings()).isEmpty();
        assertThat(sink.records.getFirst().unnamedItemCount()).isZero();
    }

    @Test
    void aMoveToDeletedItemsWithAttachmentsCountsItsItems() throws Exception {
        AuditRecord moved = Fixtures.imported(REAL_SHAPED).records.get(1).record();

        assertThat(moved.affectedItems())
                .extracting(RecordItem::subject)
                .containsExactly("RE: Invoice 0042", "RE: Bank details");
    }

    @Test
    void sendAndSendAsWithAnImmutableIdKeepSubjectAndMessageId() throws Exception {
        CollectingSink sink = Fixtures.imported(REAL_SHAPED);

        assertThat(sink.records.get(2).record().item().subject()).isEqualTo("Updated bank details for invoice 0042");
        assertThat(sink.records.get(2).record().item().internetMessageId()).isEqualTo("<pay-now-1@contoso.com>");
        assertThat(sink.records.get(3).record().item().subject()).isEqualTo("Please pay today");
        assertThat(sink.records.get(3).record().item().internetMessageId()).isEqualTo("<pay-now-2@contoso.com>");
    }

    @Test
    void theScopeSeesTheReadsTheDeletesAndTheSends() throws Exception {
        Scope scope = scope(Fixtures.imported(REAL_SHAPED).records);

        assertThat(scope.messagesRead())
                .containsExactly("<inv-0042@fabrikam.com>", "<inv-0043@fabrikam.com>", "<wire-0001@fabrikam.com>");
        assertThat(scope.actions(AttackerAction.Kind.DELETE))
                .singleElement()
                .satisfies(delete -> assertThat(delete.items()).isEqualTo(2));
        assertThat(scope.actions(AttackerAction.Kind.SEND))
                .extracting(AttackerAction::summary)
                .containsExactly(
                        "Send \"Updated bank details for invoice 0042\" <pay-now-1@contoso.com>",
                        "SendAs \"Please pay today\" <pay-now-2@contoso.com>");
    }

    @Test
    void eachRecordWritesBackAsExported() throws Exception {
        CollectingSink sink = Fixtures.imported(REAL_SHAPED);
        List<String> lines = Files.readAllLines(Fixtures.path(REAL_SHAPED));
        AuditDataWriter writer = new AuditDataWriter();

        for (int i = 0; i < lines.size(); i++) {
            assertThat(TREES.readTree(writer.toJson(sink.records.get(i).asExported())))
                    .isEqualTo(TREES.readTree(lines.get(i)));
        }
    }

    @Test
    void aPowerShellSerialisedCloudAppEventsReadIsAReadOfUnnamedItems() throws Exception {
        CollectingSink sink = Fixtures.imported("unknown-members/cloudappevents-powershell.json");

        assertThat(sink.rejects).isEmpty();
        ImportedRecord imported = sink.records.getFirst();
        AuditRecord read = imported.record();
        assertThat(read.mailAccessType()).isEqualTo("Bind");
        assertThat(read.operationProperties())
                .extracting(NameValue::name)
                .containsExactly("MailAccessType", "IsThrottled");
        assertThat(read.operationCount()).isEqualTo(7);
        assertThat(read.sessionId()).isEqualTo("9b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0");
        assertThat(read.folders()).singleElement().satisfies(folder -> {
            assertThat(folder.path()).isEqualTo("\\Finance");
            assertThat(folder.folderItems()).isEmpty();
        });
        assertThat(imported.unnamedItemCount()).isEqualTo(7);
        assertThat(imported.warnings())
                .containsExactly("Folders[0].FolderItems: the text \"System.Object[]\" kept as written, not read");
        assertThat(TREES.readTree(new AuditDataWriter().toJson(imported.asExported())))
                .isEqualTo(TREES.readTree(
                                Files.readString(Fixtures.path("unknown-members/cloudappevents-powershell.json")))
                        .get(0)
                        .get("RawEventData"));
    }

    @Test
    void theScopeCountsReadsOfUnnamedItemsWithFolderSessionAndIpAndSaysWhichExportNamesThem() throws Exception {
        Scope scope = scope(Fixtures.imported("unknown-members/cloudappevents-powershell.json").records);

        assertThat(scope.messagesRead()).isEmpty();
        assertThat(scope.unnamedItemsRead()).isEqualTo(7);
        assertThat(scope.unnamedReads()).singleElement().satisfies(read -> {
            assertThat(read.folder()).isEqualTo("\\Finance");
            assertThat(read.access().sessionId()).isEqualTo("9b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0");
            assertThat(read.access().ip()).isEqualTo("203.0.113.66");
            assertThat(read.export()).contains("Search-UnifiedAuditLog", "ConvertTo-Json -Depth 10", "auditLogQuery");
        });
        assertThat(scope.sessions()).singleElement().satisfies(session -> assertThat(session.ips())
                .containsExactly("203.0.113.66"));
        assertThat(scope.statement())
                .contains("read no message that a Bind record names, but 7 items in \\Finance (session"
                        + " 9b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0 from 203.0.113.66) that the records count without"
                        + " naming them");
        assertThat(scope.caveats()).anySatisfy(caveat -> assertThat(caveat)
                .startsWith("Unnamed items: 7 items read in \\Finance")
                .contains("ConvertTo-Json -Depth 10"));
    }

    @Test
    void anOfficeActivityFoldersColumnWithUnknownMembersIsRead(@TempDir Path dir) throws Exception {
        String export = Files.readString(Fixtures.path("office-activity.json"))
                .replace(
                        "{\\\"InternetMessageId\\\": \\\"<AM6PR04MB1234.wire-transfer@contoso.example>\\\"",
                        "{\\\"Sensitivity\\\": \\\"Normal\\\", \\\"ImmutableId\\\": \\\"LgAB\\\","
                                + " \\\"InternetMessageId\\\": \\\"<AM6PR04MB1234.wire-transfer@contoso.example>\\\"");
        assertThat(export).contains("Sensitivity");
        Path file = Files.writeString(dir.resolve("office-activity.json"), export);
        CollectingSink sink = new CollectingSink();

        Fixtures.importInto(sink, file);

        AuditRecord read = sink.records.getFirst().record();
        assertThat(read.extensions()).doesNotContainKey("Folders");
        assertThat(read.folders().getFirst().folderItems().getFirst().internetMessageId())
                .isEqualTo("<AM6PR04MB1234.wire-transfer@contoso.example>");
        assertThat(read.folders().getFirst().folderItems().getFirst().extensions())
                .containsEntry("Sensitivity", "Normal")
                .containsEntry("ImmutableId", "LgAB");
    }

    @Test
    void aRawEventDataWrittenWholeAsPowerShellTextIsRejectedSayingWhichExportToMake(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(
                dir.resolve("shallow.json"),
                "[{\"Timestamp\":\"2026-03-04T21:41:17.512Z\",\"ActionType\":\"MailItemsAccessed\","
                        + "\"RawEventData\":\"@{AppId=00000002; CreationTime=2026-03-04T21:40:02;"
                        + " Folders=System.Object[]; OperationCount=7}\"}]\n");
        CollectingSink sink = new CollectingSink();

        Fixtures.importInto(sink, file);

        assertThat(sink.records).isEmpty();
        assertThat(sink.rejects).singleElement().satisfies(reject -> assertThat(reject.reason())
                .startsWith("RawEventData: PowerShell's text of an object")
                .endsWith("export again with ConvertTo-Json -Depth 10"));
    }

    static Scope scope(List<ImportedRecord> records) {
        return new ScopeAnalysis()
                .analyse(
                        records.stream().map(ImportedRecord::record).toList(),
                        new ScopeQuery(
                                "alice@contoso.com",
                                null,
                                null,
                                new AttackerHints(Set.of("203.0.113.66"), Set.of(), Set.of())));
    }
}
