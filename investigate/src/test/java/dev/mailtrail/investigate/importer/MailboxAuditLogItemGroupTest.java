package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.record.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Search-MailboxAuditLog move or delete of one item keeps the item its Item columns name. */
class MailboxAuditLogItemGroupTest {
    @TempDir
    Path dir;

    @Test
    void aMoveToDeletedItemsRowKeepsItsItemSubjectAndInternetMessageIdAsAffectedItems() throws Exception {
        List<String> fixture = Files.readAllLines(Fixtures.path("mailbox-audit-log.csv"), StandardCharsets.UTF_8);
        String header = fixture.get(1);
        Map<String, String> values = Map.of(
                "Operation", "MoveToDeletedItems",
                "OperationResult", "Succeeded",
                "LogonType", "Owner",
                "FolderPathName", "\\Inbox",
                "DestFolderPathName", "\\Deleted Items",
                "MailboxOwnerUPN", "ceo@contoso.example",
                "ItemId", "RgAAAAD1bXbmT0Hv0Q",
                "ItemSubject", "Your MFA code",
                "ItemInternetMessageId", "<mfa-1@contoso.example>",
                "LastAccessed", "3/4/2026 7:13:40 PM");
        List<String> row = new ArrayList<>();
        for (String column : header.split(",")) {
            row.add("\"" + values.getOrDefault(column.replace("\"", ""), "").replace("\"", "\"\"") + "\"");
        }
        Path export = dir.resolve("moved.csv");
        Files.write(export, List.of(fixture.getFirst(), header, String.join(",", row)), StandardCharsets.UTF_8);

        CollectingSink sink = new CollectingSink();
        Fixtures.importInto(sink, export);

        assertThat(sink.rejects).isEmpty();
        AuditRecord moved = sink.records.getFirst().record();
        assertThat(moved.folder().path()).isEqualTo("\\Inbox");
        assertThat(moved.destFolder().path()).isEqualTo("\\Deleted Items");
        assertThat(moved.affectedItems()).singleElement().satisfies(item -> {
            assertThat(item.subject()).isEqualTo("Your MFA code");
            assertThat(item.internetMessageId()).isEqualTo("<mfa-1@contoso.example>");
            assertThat(item.id()).isEqualTo("RgAAAAD1bXbmT0Hv0Q");
        });
    }
}
