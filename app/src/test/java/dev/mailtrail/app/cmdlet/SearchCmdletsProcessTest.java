package dev.mailtrail.app.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.MtProcess.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The story ingested, then searched as an administrator would, in every output shape. */
class SearchCmdletsProcessTest {
    private static final String MARCH = "-StartDate 3/1/2026 -EndDate 2026-03-04";

    @TempDir
    static Path data;

    @BeforeAll
    static void ingestTheStoryAndManySends() throws Exception {
        StringBuilder sends = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            sends.append("{\"time\":\"2026-03-03T10:%02d:%02dZ\",\"kind\":\"access\",\"actor\":\"bob@contoso.com\","
                            .formatted(i / 60, i % 60))
                    .append("\"mailbox\":\"bob@contoso.com\",\"logonType\":\"Owner\",\"operation\":\"Send\",")
                    .append("\"session\":{\"id\":\"s-bob\",\"clientIp\":\"192.0.2.9\"},")
                    .append("\"items\":[{\"internetMessageId\":\"<send-")
                    .append(i)
                    .append("@contoso.com>\",\"subject\":\"Weekly report ")
                    .append(i)
                    .append("\"}]}\n");
        }
        Path sendFile = data.resolveSibling(data.getFileName() + "-sends.jsonl");
        Files.writeString(sendFile, sends.toString());
        Result ingest = MtProcess.run(
                data, "ingest", Path.of("..", "examples", "bec-story.jsonl").toString(), sendFile.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        assertThat(ingest.err())
                .contains("169 events journaled")
                .contains("165 records made")
                .contains("rejected lines: 0");
    }

    @Test
    void theUnifiedLogsDefaultSizeIsOneHundredAndUnlimitedHasNoCap() {
        Result byDefault = search("Search-UnifiedAuditLog", MARCH, "-Format", "Jsonl");
        Result unlimited = search("Search-UnifiedAuditLog", MARCH, "-ResultSize", "Unlimited", "-Format", "Jsonl");

        assertThat(byDefault.out().lines()).hasSize(100);
        assertThat(unlimited.out().lines()).hasSize(165);
        assertThat(unlimited.out().lines().findFirst().orElseThrow())
                .contains("\"CreationTime\":\"2026-03-03T10:02:29\"");
    }

    @Test
    void filtersCombineAsExchangesDo() {
        Result attacker = search(
                "Search-UnifiedAuditLog",
                MARCH,
                "-IPAddresses",
                "203.0.113.66",
                "-Operations",
                "MailItemsAccessed,Send",
                "-Format",
                "Jsonl");
        assertThat(attacker.out().lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains("203.0.113.66"));

        Result byMessage =
                search("Search-UnifiedAuditLog", MARCH, "-FreeText", "<inv-4471@contoso.com>", "-Format", "Jsonl");
        assertThat(byMessage.out().lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains("<inv-4471@contoso.com>"));

        Result bySubjectWord =
                search("Search-UnifiedAuditLog", MARCH, "-FreeText", "'Weekly report 42'", "-Format", "Jsonl");
        assertThat(bySubjectWord.out().lines()).singleElement().asString().contains("<send-42@contoso.com>");
    }

    @Test
    void theMailboxLogShowsDetailsOrASummary() {
        Result details = search(
                "Search-MailboxAuditLog", "-Identity", "alice@contoso.com", "-LogonTypes", "Admin", "-ShowDetails");
        assertThat(details.out())
                .contains("Operation                               : MailItemsAccessed")
                .contains("LogonType                               : Admin")
                .contains("<inv-4471@contoso.com>")
                .doesNotContain("LogonType                               : Owner");

        Result summary = search("Search-MailboxAuditLog", "-Mailboxes", "alice@contoso.com,bob@contoso.com", MARCH);
        assertThat(summary.out())
                .contains("MailboxResolvedOwnerName  : alice@contoso.com")
                .contains("EntryCount                : 150");
    }

    @Test
    void theMailboxLogExportsItsEntriesNotTheUnifiedLogsResults() {
        Result csv = search(
                "Search-MailboxAuditLog", "-Identity", "alice@contoso.com", "-LogonTypes", "Admin", "-Format", "Csv");
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.getFirst())
                .startsWith("\"Operation\",\"OperationResult\",\"LogonType\",")
                .contains("\"MailboxOwnerUPN\"", "\"AggregatedRecordFoldersData\"", "\"LastAccessed\"")
                .doesNotContain("\"AuditData\"");
        assertThat(lines.get(1))
                .startsWith("\"MailItemsAccessed\",\"Succeeded\",\"Admin\",")
                .contains("\"\"InternetMessageId\"\":\"\"<inv-4471@contoso.com>\"\"");

        Result json = search(
                "Search-MailboxAuditLog", "-Identity", "alice@contoso.com", "-LogonTypes", "Admin", "-Format", "Json");
        assertThat(json.out()).contains("\"Operation\" : \"MailItemsAccessed\"", "\"LogonType\" : \"Admin\"");
    }

    @Test
    void aMailboxWithNoRecordsAtAllIsNamedInAWarning() {
        Result misspelt = search("Search-MailboxAuditLog", "-Identity", "alcie@contoso.com", "-ShowDetails");
        assertThat(misspelt.exit()).isZero();
        assertThat(misspelt.out()).isEmpty();
        assertThat(misspelt.err())
                .contains("WARNING: The mailbox audit log holds no records of 'alcie@contoso.com' at any date");

        Result known = search("Search-MailboxAuditLog", "-Identity", "alice@contoso.com", "-ShowDetails");
        assertThat(known.err()).doesNotContain("WARNING");
    }

    @Test
    void purviewCsvHasMicrosoftsHeaderByteOrderMarkAndQuoting() {
        Result csv = search(
                "Search-UnifiedAuditLog", MARCH, "-Operations", "Send", "-ResultSize", "1", "-Format", "PurviewCsv");

        byte[] bytes = csv.outBytes();
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.getFirst())
                .isEqualTo("RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,"
                        + "AssociatedAdminUnitsNames");
        assertThat(lines.get(1))
                .matches("[0-9a-f-]{36},2026-03-03T10:02:29\\.0000000Z,ExchangeItem,Send,bob@contoso\\.com,"
                        + "\"\\{\"\"CreationTime\"\":\"\"2026-03-03T10:02:29\"\".*\\}\",,");
    }

    @Test
    void exportCsvAndJsonCarryTheResultObjects() {
        Result csv = search("Search-UnifiedAuditLog", MARCH, "-ResultSize", "2", "-Format", "Csv");
        assertThat(csv.out().split("\r\n")[0])
                .isEqualTo("\"RecordType\",\"CreationDate\",\"UserIds\",\"Operations\",\"AuditData\",\"ResultIndex\","
                        + "\"ResultCount\",\"Identity\",\"IsValid\",\"ObjectState\"");
        assertThat(csv.out().split("\r\n")[1])
                .startsWith("\"ExchangeItem\",\"3/3/2026 10:02:29 AM\",\"bob@contoso.com\",\"Send\"");

        Result json = search("Search-UnifiedAuditLog", MARCH, "-ResultSize", "1", "-Format", "Json");
        assertThat(json.out()).contains("\"ResultIndex\" : 1").contains("\"ResultCount\" : 165");
    }

    @Test
    void aBadDateNamesTheParameterAndTheFormsThatWork() {
        Result bad = search("Search-UnifiedAuditLog", "-StartDate", "yesterday", "-EndDate", "2026-03-04");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).startsWith("Cannot bind parameter 'StartDate'. Cannot convert value \"yesterday\"");

        Result missing = search("Search-UnifiedAuditLog", "-StartDate", "2026-03-01");
        assertThat(missing.err().strip())
                .isEqualTo("Cannot process command because of one or more missing mandatory parameters: EndDate.");
    }

    private Result search(String... words) {
        List<String> split = new java.util.ArrayList<>();
        for (String word : words) {
            if (word.equals(MARCH)) {
                split.addAll(List.of(MARCH.split(" ")));
            } else {
                split.add(word);
            }
        }
        return MtProcess.run(data, split.toArray(String[]::new));
    }
}
