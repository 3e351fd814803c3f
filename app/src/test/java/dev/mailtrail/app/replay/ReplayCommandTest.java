package dev.mailtrail.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.Mt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int exit, List<JsonNode> records, String err) {}

    @Test
    void writesRecordsOrderedByCreationTimeWithAnAggregateAtItsFirstAccess() throws IOException {
        Path events = write(
                "events.jsonl",
                bind("2026-03-02T09:00:00Z", "s1", "<a@x>"),
                access("2026-03-02T09:00:30Z", "s2", "SoftDelete", ""),
                bind("2026-03-02T09:01:00Z", "s1", "<b@x>"));

        Run run = replay(events.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.records())
                .extracting(r -> r.get("Operation").asText())
                .containsExactly("MailItemsAccessed", "SoftDelete");
        JsonNode bind = run.records().get(0);
        assertThat(bind.get("CreationTime").asText()).isEqualTo("2026-03-02T09:00:00");
        assertThat(bind.get("OperationCount").asInt()).isEqualTo(2);
        assertThat(run.err()).contains("2 recorded");
    }

    @Test
    void aMalformedLineNamesFileLineAndFieldAndStopsTheRunButKeepsWhatCameBefore() throws IOException {
        Path events = write(
                "bad.jsonl",
                bind("2026-03-02T09:00:00Z", "s1", "<a@x>"),
                bind("2026-03-02T09:00:10Z", "s1", "<b@x>").replace("\"Owner\"", "\"Guest\""),
                bind("2026-03-02T09:00:20Z", "s1", "<c@x>"));

        Run run = replay(events.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(events + ":2: field \"logonType\": expected Owner, Delegate or Admin");
        assertThat(run.records()).hasSize(1);
        assertThat(run.records().get(0).get("OperationCount").asInt()).isEqualTo(1);
    }

    @Test
    void keepGoingReportsEveryBadLineAndReplaysTheRest() throws IOException {
        Path events = write(
                "bad.jsonl",
                "not json",
                bind("2026-03-02T09:00:10Z", "s1", "<b@x>"),
                "",
                bind("2026-03-02T09:00:20Z", "s1", "<c@x>").replace("Bind", "Peek"));

        Run run = replay("--keep-going", events.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains(events + ":1: not valid JSON").contains(events + ":4: field \"accessType\"");
        assertThat(run.records()).hasSize(1);
    }

    @Test
    void readsStandardInputForDashAndFilesInOrder() throws IOException {
        Path first = write("first.jsonl", bind("2026-03-02T09:00:00Z", "s1", "<a@x>"));

        Run run = replay(
                new ByteArrayInputStream((bind("2026-03-02T09:00:30Z", "s1", "<b@x>") + "\n").getBytes()),
                first.toString(),
                "-");

        assertThat(run.records()).hasSize(1);
        assertThat(run.records().get(0).get("OperationCount").asInt()).isEqualTo(2);
    }

    @Test
    void aRefusedCmdletPrintsItsExactErrorLeavesAFailedAdminRecordAndTheReplayGoesOn() throws IOException {
        Path events = write("cmdlets.jsonl", """
                {"time":"2026-03-02T08:00:00Z","kind":"cmdlet","actor":"admin@x",\
                "command":"Set-Mailbox -Identity alice@x -AuditAdmin @{Add=\\"MessageBind\\"}"}""", bind("2026-03-02T09:00:00Z", "s1", "<a@x>"));

        Run run = replay(events.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err())
                .contains(events + ":1: Set-Mailbox: MessageBind audit operation type is deprecated. Use"
                        + " MailItemsAccessed audit operation type instead.");
        JsonNode admin = run.records().get(0);
        assertThat(admin.get("RecordType").asInt()).isEqualTo(1);
        assertThat(admin.get("Operation").asText()).isEqualTo("Set-Mailbox");
        assertThat(admin.get("ResultStatus").asText()).isEqualTo("False");
        assertThat(run.records()).hasSize(2);
    }

    @Test
    void explainSaysWhyAnAccessWasNotAudited() throws IOException {
        Path events = write("login.jsonl", access("2026-03-02T09:00:00Z", "s1", "MailboxLogin", ""));

        Run run = replay("--explain", events.toString());

        assertThat(run.records()).isEmpty();
        assertThat(run.err()).contains(events + ":1: not audited: Owner list lacks MailboxLogin");
    }

    @Test
    void throttlingExchangeIsPassedToTheCore() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            lines.add(bind("2026-03-02T09:00:00Z", "s" + i, "<m" + i + "@x>"));
        }
        lines.add(bind("2026-03-02T09:05:00Z", "late", "<late@x>"));
        Path events = write("many.jsonl", lines.toArray(String[]::new));

        Run exchange = replay("--throttling", "exchange", events.toString());
        Run off = replay(events.toString());

        assertThat(exchange.records()).hasSize(1_001);
        assertThat(exchange.records().get(1_000).toString())
                .contains("\"IsThrottled\"")
                .contains("\"True\"");
        assertThat(exchange.err()).contains("1 throttled");
        assertThat(off.records()).hasSize(1_002);
        assertThat(off.records()).noneMatch(r -> r.toString().contains("\"Value\":\"True\""));
    }

    @Test
    void aMissingFileAndABadOptionAreClearErrors() {
        Run missing = replay(dir.resolve("nope.jsonl").toString());
        Run badOption = replay("--throttling", "sometimes", "x.jsonl");

        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.jsonl: no such file");
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err()).contains("expected exchange or off, got 'sometimes'");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLine() throws IOException {
        Path events = dir.resolve("latin1.jsonl");
        Files.write(events, new byte[] {'{', '"', (byte) 0xE9, '"', '}', '\n'});

        Run run = replay(events.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(events + ":1: not UTF-8 text");
    }

    @Test
    void withKeepGoingANonUtf8LineIsCountedWithItsNumberAndTheLinesAfterItAreReplayed() throws IOException {
        Path events = dir.resolve("mixed.jsonl");
        Files.write(events, (bind("2026-03-02T09:00:00Z", "s1", "<a@x>") + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(events, new byte[] {'{', '"', (byte) 0xE9, '"', '}', '\n'}, StandardOpenOption.APPEND);
        Files.write(
                events,
                (access("2026-03-02T09:10:00Z", "s2", "SoftDelete", "") + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        Run run = replay("--keep-going", events.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains(events + ":2: not UTF-8 text").contains("malformed lines: 1");
        assertThat(run.records()).anySatisfy(r -> assertThat(r.toString()).contains("SoftDelete"));
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private static String bind(String time, String session, String messageId) {
        return access(time, session, "MailItemsAccessed", "\"accessType\":\"Bind\",")
                .replace(
                        "}}",
                        "},\"folder\":{\"id\":\"f1\",\"path\":\"\\\\Inbox\"},\"items\":[{\"internetMessageId\":\""
                                + messageId + "\"}]}");
    }

    private static String access(String time, String session, String operation, String accessType) {
        return "{\"time\":\"" + time + "\",\"kind\":\"access\",\"actor\":\"alice@x\",\"mailbox\":\"alice@x\","
                + "\"logonType\":\"Owner\",\"operation\":\"" + operation + "\"," + accessType
                + "\"session\":{\"id\":\"" + session + "\",\"clientIp\":\"192.0.2.1\",\"clientInfo\":\"test\"}}";
    }

    private Run replay(String... args) {
        return replay(InputStream.nullInputStream(), args);
    }

    private Run replay(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream saved = System.in;
        System.setIn(stdin);
        int exit;
        try {
            String[] all = new String[args.length + 1];
            all[0] = "replay";
            System.arraycopy(args, 0, all, 1, args.length);
            exit = Mt.run(all, new PrintStream(out, true), new PrintStream(err, true));
        } finally {
            System.setIn(saved);
        }
        List<JsonNode> records = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    records.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
        }
        return new Run(exit, records, err.toString(StandardCharsets.UTF_8));
    }
}
