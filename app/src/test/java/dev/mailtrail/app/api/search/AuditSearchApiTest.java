package dev.mailtrail.app.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtRun;
import dev.mailtrail.store.log.LuceneAuditLog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The story ingested by the real pipeline, searched through the API and through the command line. */
class AuditSearchApiTest {
    private static final String START = "3/1/2026";
    private static final String END = "2026-03-04";

    @TempDir
    static Path data;

    private static LuceneAuditLog unified;
    private static LuceneAuditLog mailbox;
    private static AuditSearchApi api;

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
        MtRun ingest = MtRun.of(
                "ingest",
                "--data",
                data.toString(),
                Path.of("..", "examples", "bec-story.jsonl").toString(),
                sendFile.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        unified = LuceneAuditLog.openForSearch(data.resolve("unified-audit-log"));
        mailbox = LuceneAuditLog.openForSearch(data.resolve("mailbox-audit-log"));
        api = new AuditSearchApi(unified, mailbox);
    }

    @AfterAll
    static void close() throws Exception {
        unified.close();
        mailbox.close();
    }

    @Test
    void theUnifiedLogGivesTheCommandLinesRecordsInEveryFormat() throws Exception {
        Map<String, List<String>> query = query("StartDate", START, "EndDate", END, "ResultSize", "Unlimited");
        for (ExportFormat format : ExportFormat.values()) {
            String cliFormat =
                    switch (format) {
                        case JSON_LINES -> "Jsonl";
                        case PURVIEW_CSV -> "PurviewCsv";
                        case CONVERT_TO_JSON -> "Json";
                        case EXPORT_CSV -> "Csv";
                    };
            MtRun cli = cli(
                    "Search-UnifiedAuditLog",
                    "-StartDate",
                    START,
                    "-EndDate",
                    END,
                    "-ResultSize",
                    "Unlimited",
                    "-Format",
                    cliFormat);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SearchResult result = api.searchUnifiedAuditLog(query, format, MailboxScope.all(), null, 1_000_000, out);

            assertThat(result).isEqualTo(new SearchResult.Page(165, 165, null));
            assertThat(out.toString(StandardCharsets.UTF_8)).as(format.name()).isEqualTo(cli.out());
        }
    }

    @Test
    void filtersAndDefaultsAreTheCmdletsOnes() throws Exception {
        Map<String, List<String>> query = query("StartDate", START, "EndDate", END, "IPAddresses", "203.0.113.66");
        query.put("Operations", List.of("MailItemsAccessed", "Send"));
        String api = jsonl(query, MailboxScope.all());
        MtRun cli = cli(
                "Search-UnifiedAuditLog",
                "-StartDate",
                START,
                "-EndDate",
                END,
                "-IPAddresses",
                "203.0.113.66",
                "-Operations",
                "MailItemsAccessed,Send",
                "-Format",
                "Jsonl");

        assertThat(api).isNotEmpty().isEqualTo(cli.out());
        assertThat(jsonl(query("StartDate", START, "EndDate", END, "FreeText", "Weekly report 42"), MailboxScope.all()))
                .contains("<send-42@contoso.com>")
                .hasLineCount(1);
        assertThat(jsonl(query("StartDate", START, "EndDate", END), MailboxScope.all()))
                .hasLineCount(100);
    }

    @Test
    void theMailboxLogGivesItsEntriesAsTheCommandLineDoes() throws Exception {
        Map<String, List<String>> query = query("Identity", "alice@contoso.com", "LogonTypes", "Admin");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SearchResult result =
                api.searchMailboxAuditLog(query, ExportFormat.CONVERT_TO_JSON, MailboxScope.all(), null, 50, out);
        MtRun cli = cli(
                "Search-MailboxAuditLog", "-Identity", "alice@contoso.com", "-LogonTypes", "Admin", "-Format", "Json");

        assertThat(result).isInstanceOf(SearchResult.Page.class);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"LogonType\" : \"Admin\"")
                .isEqualTo(cli.out());
    }

    @Test
    void aSwitchGivenTrueInTheQueryIsSetAsTheCommandLineSetsIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SearchResult result = api.searchMailboxAuditLog(
                query("Identity", "alice@contoso.com", "LogonTypes", "Admin", "ShowDetails", "true"),
                ExportFormat.CONVERT_TO_JSON,
                MailboxScope.all(),
                null,
                50,
                out);
        MtRun cli = cli(
                "Search-MailboxAuditLog",
                "-Identity",
                "alice@contoso.com",
                "-LogonTypes",
                "Admin",
                "-ShowDetails",
                "-Format",
                "Json");

        assertThat(result).isInstanceOf(SearchResult.Page.class);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(cli.out());
        ByteArrayOutputStream off = new ByteArrayOutputStream();
        assertThat(api.searchMailboxAuditLog(
                        query("Identity", "alice@contoso.com", "LogonTypes", "Admin", "ShowDetails", "False"),
                        ExportFormat.CONVERT_TO_JSON,
                        MailboxScope.all(),
                        null,
                        50,
                        off))
                .isInstanceOf(SearchResult.Page.class);
        assertThat(off.toString(StandardCharsets.UTF_8)).contains("\"LogonType\" : \"Admin\"");
    }

    @Test
    void aManagementScopeKeepsResultsToItsMailboxesAndRefusesOthers() throws Exception {
        MailboxScope alice = MailboxScope.of(Set.of("Alice@Contoso.com"));
        String all = jsonl(query("StartDate", START, "EndDate", END, "ResultSize", "Unlimited"), alice);

        assertThat(all.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains("\"MailboxOwnerUPN\":\"alice@contoso.com\""));
        assertThat(all).doesNotContain("<send-");

        SearchResult bob = api.searchMailboxAuditLog(
                query("Identity", "bob@contoso.com"), ExportFormat.JSON_LINES, alice, null, 10, sink());
        assertThat(bob)
                .isEqualTo(
                        new SearchResult.Refused(
                                new ApiError(
                                        "Identity",
                                        "The mailbox 'bob@contoso.com' is outside your management scope, which holds: alice@contoso.com.")));

        ByteArrayOutputStream everyMailbox = new ByteArrayOutputStream();
        api.searchMailboxAuditLog(
                Map.of("ResultSize", List.of("Unlimited")), ExportFormat.JSON_LINES, alice, null, 10_000, everyMailbox);
        assertThat(everyMailbox.toString(StandardCharsets.UTF_8).lines())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("\"MailboxOwnerUPN\":\"alice@contoso.com\""));
    }

    @Test
    void pagesCoverEveryRecordOnceAndTheCursorCarriesTheResultSize() throws Exception {
        Map<String, List<String>> query = query("StartDate", START, "EndDate", END, "ResultSize", "Unlimited");
        List<String> whole = jsonl(query, MailboxScope.all()).lines().toList();
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SearchResult.Page page = (SearchResult.Page)
                    api.searchUnifiedAuditLog(query, ExportFormat.JSON_LINES, MailboxScope.all(), cursor, 7, out);
            paged.addAll(out.toString(StandardCharsets.UTF_8).lines().toList());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(whole).hasSize(165);
        assertThat(paged).isEqualTo(whole);
        assertThat(new HashSet<>(paged)).hasSize(165);
        assertThat(pages).isEqualTo(24);

        Map<String, List<String>> twenty = query("StartDate", START, "EndDate", END, "ResultSize", "20");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        SearchResult.Page one = (SearchResult.Page)
                api.searchUnifiedAuditLog(twenty, ExportFormat.CONVERT_TO_JSON, MailboxScope.all(), null, 15, first);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        SearchResult.Page two = (SearchResult.Page) api.searchUnifiedAuditLog(
                twenty, ExportFormat.CONVERT_TO_JSON, MailboxScope.all(), one.nextCursor(), 15, second);
        assertThat(two.visited()).isEqualTo(5);
        assertThat(two.nextCursor()).isNull();
        assertThat(second.toString(StandardCharsets.UTF_8))
                .contains("\"ResultIndex\" : 16,")
                .contains("\"ResultIndex\" : 20,")
                .contains("\"ResultCount\" : 165");
    }

    @Test
    void errorsNameTheirParameterInExchangesWords() throws Exception {
        assertThat(refusal(query("StartDate", "someday", "EndDate", END)))
                .extracting(ApiError::parameter)
                .isEqualTo("StartDate");
        assertThat(refusal(query("StartDate", START)))
                .isEqualTo(new ApiError(
                        "EndDate",
                        "Cannot process command because of one or more missing mandatory parameters: EndDate."));
        assertThat(refusal(query("StartDate", START, "EndDate", END, "Colour", "red")))
                .isEqualTo(new ApiError("Colour", "A parameter cannot be found that matches parameter name 'Colour'."));
        assertThat(refusal(query("StartDate", START, "EndDate", END, "ResultSize", "0"))
                        .parameter())
                .isEqualTo("ResultSize");
        assertThat(refusal(query("StartDate", START, "EndDate", END, "RecordType", "Bogus"))
                        .message())
                .startsWith("Cannot bind parameter 'RecordType'. Cannot convert value \"Bogus\"");
        assertThat(refusal(query("StartDate", END, "EndDate", START)).parameter())
                .isEqualTo("EndDate");
        assertThat(refusal(query("StartDate", START, "EndDate", END, "UserIds", "x' -FreeText 'y")))
                .as("a quote in a value stays in the value")
                .isNull();
        SearchResult badCursor = api.searchUnifiedAuditLog(
                query("StartDate", START, "EndDate", END),
                ExportFormat.JSON_LINES,
                MailboxScope.all(),
                "nope",
                5,
                sink());
        assertThat(((SearchResult.Refused) badCursor).error().parameter()).isEqualTo("cursor");
    }

    private static ApiError refusal(Map<String, List<String>> query) throws Exception {
        SearchResult result =
                api.searchUnifiedAuditLog(query, ExportFormat.JSON_LINES, MailboxScope.all(), null, 10, sink());
        return result instanceof SearchResult.Refused refused ? refused.error() : null;
    }

    private static String jsonl(Map<String, List<String>> query, MailboxScope scope) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SearchResult result = api.searchUnifiedAuditLog(query, ExportFormat.JSON_LINES, scope, null, 1_000_000, out);
        assertThat(result).isInstanceOf(SearchResult.Page.class);
        return out.toString(StandardCharsets.UTF_8);
    }

    static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], new ArrayList<>(List.of(pairs[i + 1])));
        }
        return query;
    }

    private static MtRun cli(String... words) {
        List<String> args = new ArrayList<>(List.of(words[0], "--data", data.toString()));
        args.addAll(List.of(words).subList(1, words.length));
        MtRun run = MtRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    private static java.io.OutputStream sink() {
        return java.io.OutputStream.nullOutputStream();
    }
}
