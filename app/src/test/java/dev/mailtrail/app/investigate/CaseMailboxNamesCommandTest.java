package dev.mailtrail.app.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.process.MtRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case learns its mailboxes' names on import, keeps them, and a later scope attributes by any of them. */
class CaseMailboxNamesCommandTest {
    private static final String CEO = "ceo@contoso.example";
    private static final String EXTERNAL_ID = "7d3c8a9e-4b2f-4c1d-8e6f-5a4b3c2d1e0f";

    @TempDir
    Path dir;

    private Path mailboxList() throws Exception {
        return Files.writeString(
                dir.resolve("mailboxes.csv"),
                "#TYPE Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox\n"
                        + "\"Name\",\"DisplayName\",\"UserPrincipalName\",\"ExchangeGuid\",\"ExternalDirectoryObjectId\"\n"
                        + "\"" + EXTERNAL_ID + "\",\"Chief Executive\",\"" + CEO + "\","
                        + "\"3f9e1a7c-0d2b-4e8f-9a6c-1b2d3e4f5a60\",\"" + EXTERNAL_ID + "\"\n");
    }

    /** Five rules created on the mailbox by an admin account, ObjectId and -Mailbox by GUID, ports changing. */
    private Path rules() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int n = 0; n < 5; n++) {
            lines.append("{\"CreationTime\":\"2026-03-04T19:0")
                    .append(n)
                    .append(":00\",\"Id\":\"9c0d1e2f-0000-4000-8000-00000000000")
                    .append(n)
                    .append("\",\"Operation\":\"New-InboxRule\",\"OrganizationId\":\"o\",\"RecordType\":1,")
                    .append("\"ResultStatus\":\"True\",\"UserKey\":\"k\",\"UserType\":2,\"Version\":1,\"Workload\":")
                    .append("\"Exchange\",\"ClientIP\":\"203.0.113.5:5123")
                    .append(n)
                    .append("\",\"UserId\":\"admin@contoso.example\",\"ObjectId\":\"EURPR01A001.prod.outlook.com/")
                    .append("Microsoft Exchange Hosted Organizations/contoso.onmicrosoft.com/")
                    .append(EXTERNAL_ID)
                    .append("\\\\Rule ")
                    .append(n)
                    .append("\",\"Parameters\":[{\"Name\":\"Mailbox\",\"Value\":\"")
                    .append(EXTERNAL_ID)
                    .append("\"},{\"Name\":\"Name\",\"Value\":\"Rule ")
                    .append(n)
                    .append("\"},{\"Name\":\"DeleteMessage\",\"Value\":\"True\"}]}\n");
        }
        return Files.writeString(dir.resolve("rules.jsonl"), lines);
    }

    @Test
    void aMailboxListImportedOnceAttributesLaterRulesByGuidAndABadFileIsRefusedWithoutStoppingThem() throws Exception {
        Path caseDir = dir.resolve("case");
        Path notes = Files.writeString(dir.resolve("notes.csv"), "Date,Subject\n3/4/2026,Invoice\n");

        MtRun names = MtRun.of("import", mailboxList().toString(), "--case", caseDir.toString());
        MtRun records = MtRun.of("import", notes.toString(), rules().toString(), "--case", caseDir.toString());
        MtRun scope = MtRun.of("scope", "--case", caseDir.toString(), "--mailbox", CEO, "--format", "json");
        MtRun text = MtRun.of("scope", "--case", caseDir.toString(), "--mailbox", CEO);

        assertThat(names.exit()).as(names.err()).isZero();
        assertThat(names.out()).contains("MAILBOX_LIST_CSV, 3 mailbox names linked");
        assertThat(caseDir.resolve("mailboxes.json")).exists();
        assertThat(records.exit()).isEqualTo(1);
        assertThat(records.out())
                .contains(notes + ": refused, not an audit export MailTrail knows")
                .contains("imported 5 of 5 records");
        assertThat(records.err()).contains(notes + ": refused");
        assertThat(scope.exit()).as(scope.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(scope.out());
        assertThat(json.get("actions")).hasSize(5);
        assertThat(json.get("suspiciousSessions").get(0).get("reasons").get(0).asText())
                .startsWith("many rule changes from one IP: 5 inbox rule changes from 203.0.113.5");
        assertThat(json.get("mailboxIdentity").get("merged").toString())
                .contains(EXTERNAL_ID)
                .contains("Get-Mailbox export mailboxes.csv line 3");
        assertThat(text.out()).contains("Mailbox names merged").contains("Get-Mailbox export mailboxes.csv line 3");
    }
}
