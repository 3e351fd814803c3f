package dev.mailtrail.app.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.process.MtRun;
import dev.mailtrail.investigate.importer.synthetic.BecCase;
import dev.mailtrail.investigate.importer.synthetic.BecCaseFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportAndScopeCommandTest {
    @TempDir
    Path dir;

    private Path caseDir() {
        return dir.resolve("case");
    }

    private Path export(BecCase bec) throws Exception {
        return new BecCaseFiles().purviewCsv(bec.records(), dir.resolve("export.csv"));
    }

    @Test
    void aSecondImportOfTheSameExportIntoTheCaseStoresNothingAgain() throws Exception {
        Path export = export(BecCase.withSync());
        int records = BecCase.withSync().records().size();

        MtRun first = MtRun.of("import", export.toString(), "--case", caseDir().toString());
        MtRun second = MtRun.of("import", export.toString(), "--case", caseDir().toString());

        assertThat(first.exit()).isZero();
        assertThat(first.out())
                .contains("imported " + records + " of " + records + " records (0 duplicates, 0 rejected)");
        assertThat(second.exit()).isZero();
        assertThat(second.out())
                .contains("imported 0 of " + records + " records (" + records + " duplicates, 0 rejected)")
                .contains("holds " + records + " records");
    }

    @Test
    void aBadRowGoesToTheCasesRejectsFileAndTheRestIsImported() throws Exception {
        Path export = dir.resolve("broken.csv");
        String good = Files.readString(export(BecCase.reading()));
        Files.writeString(
                export, good + "2026-03-04T05:00:00.0000000Z,x,MailItemsAccessed,\"{\"\"CreationTime\"\":\"\n");

        MtRun run = MtRun.of("import", export.toString(), "--case", caseDir().toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("1 rejected").contains("rejects.jsonl");
        String rejects = Files.readString(caseDir().resolve("rejects.jsonl"));
        assertThat(rejects).contains("\"file\":\"" + export + "\"").contains("\"reason\":\"AuditData: invalid JSON");
        MtRun again = MtRun.of("import", export.toString(), "--case", caseDir().toString());
        assertThat(again.out()).contains("1 rejected");
        assertThat(Files.readAllLines(caseDir().resolve("rejects.jsonl")))
                .as("importing the file again does not append its rejects again")
                .hasSize(1);
    }

    @Test
    void aValueOfAnotherTypeIsImportedAndNamedInAWarning() throws Exception {
        Path export = Files.writeString(
                dir.resolve("odd.jsonl"),
                "{\"CreationTime\":\"2026-03-04T21:40:02\",\"Id\":\"a1\",\"Operation\":\"MailItemsAccessed\","
                        + "\"RecordType\":50,\"UserId\":\"alice@contoso.com\",\"MailboxOwnerUPN\":\"alice@contoso.com\","
                        + "\"Folders\":[{\"Id\":\"LgAA\",\"Path\":\"\\\\Inbox\",\"FolderItems\":[{\"InternetMessageId\":"
                        + "\"<a@b>\",\"Sensitivity\":\"Normal\",\"SizeInBytes\":\"12 KB\"}]}]}\n");

        MtRun run = MtRun.of("import", export.toString(), "--case", caseDir().toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("imported 1 of 1 records");
        assertThat(run.err())
                .contains("1 records hold values of another type than Exchange writes")
                .contains(export + ":1: Folders[0].FolderItems[0].SizeInBytes: the text \"12 KB\" kept as written,"
                        + " not read");
    }

    @Test
    void aFileThatIsNoExportStopsTheImportWithItsName() throws Exception {
        Path readme = Files.writeString(dir.resolve("README.txt"), "not an export\n");

        MtRun run = MtRun.of("import", readme.toString(), "--case", caseDir().toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(readme.toString());
    }

    @Test
    void scopeAsJsonNamesTheForwardingRuleAndTheMessagesReadByAnIpGivenWithAPort() throws Exception {
        MtRun.of(
                "import",
                export(BecCase.withForwardingRule()).toString(),
                "--case",
                caseDir().toString());

        MtRun run = MtRun.of(
                "scope",
                "--case",
                caseDir().toString(),
                "--mailbox",
                BecCase.VICTIM,
                "--attacker-ip",
                BecCase.ATTACKER_IP + ":443",
                "--format",
                "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode scope = new ObjectMapper().readTree(run.out());
        assertThat(scope.get("distinctMessagesRead").asInt()).isEqualTo(3);
        assertThat(scope.get("messagesRead").get(0).get("subject").asText())
                .isEqualTo(BecCase.SUBJECTS_READ.getFirst());
        assertThat(scope.get("actions").get(0).get("summary").asText()).contains("forwards to payments@evil.example");
        assertThat(scope.get("statement").asText()).contains("The attacker read 3 messages in \\Inbox\\Finance.");
    }

    @Test
    void theWindowTakesAdminDatesAndABadOneIsNamed() throws Exception {
        MtRun.of(
                "import",
                export(BecCase.withAuditingTurnedOff()).toString(),
                "--case",
                caseDir().toString());

        MtRun inWindow = MtRun.of(
                "scope",
                "--case",
                caseDir().toString(),
                "--mailbox",
                BecCase.VICTIM,
                "--attacker-session",
                BecCase.ATTACKER_SESSION,
                "--from",
                "3/4/2026 9:00 AM",
                "--to",
                "2026-03-05",
                "--format",
                "csv");
        MtRun bad =
                MtRun.of("scope", "--case", caseDir().toString(), "--mailbox", BecCase.VICTIM, "--from", "13/45/2026");

        assertThat(inWindow.exit()).as(inWindow.err()).isZero();
        assertThat(inWindow.out().lines().filter(line -> line.startsWith("read,")))
                .hasSize(3);
        assertThat(inWindow.out()
                        .lines()
                        .filter(line -> line.startsWith("blind,AUDIT_DISABLED") || line.startsWith("blind,2026")))
                .hasSize(1);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--from: '13/45/2026' is not a date");
    }

    @Test
    void withoutHintsTheSummaryProposesTheAttackersSessionAndTheReportIsWritten() throws Exception {
        MtRun.of(
                "import",
                export(BecCase.withSync()).toString(),
                "--case",
                caseDir().toString());
        Path report = dir.resolve("report.html");

        MtRun run = MtRun.of(
                "scope", "--case", caseDir().toString(), "--mailbox", BecCase.VICTIM, "--report", report.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Suspicious sessions to confirm")
                .contains(BecCase.ATTACKER_SESSION + "  " + BecCase.ATTACKER_IP)
                .contains("HTML report: " + report.toAbsolutePath());
        assertThat(Files.readString(report)).contains("<p id=\"scope-statement\">Mailbox " + BecCase.VICTIM);
    }

    @Test
    void aMessageTraceGivesTheSenderOfAMessageReadAndABadOneIsNamed() throws Exception {
        MtRun.of(
                "import",
                export(BecCase.reading()).toString(),
                "--case",
                caseDir().toString());
        Path trace = Files.writeString(
                dir.resolve("trace.csv"),
                "MessageId,Received,SenderAddress\n<pay-2@contoso.example>,3/3/2026 4:15 PM,ceo@contoso.example\n");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "MessageId,Received\n<x@y>,yesterday\n");

        MtRun run = MtRun.of(
                "scope",
                "--case",
                caseDir().toString(),
                "--mailbox",
                BecCase.VICTIM,
                "--attacker-ip",
                BecCase.ATTACKER_IP,
                "--message-trace",
                trace.toString(),
                "--format",
                "json");
        MtRun refused = MtRun.of(
                "scope",
                "--case",
                caseDir().toString(),
                "--mailbox",
                BecCase.VICTIM,
                "--message-trace",
                bad.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode read =
                new ObjectMapper().readTree(run.out()).get("messagesRead").get(2);
        assertThat(read.get("sender").asText()).isEqualTo("ceo@contoso.example");
        assertThat(read.get("date").asText()).isEqualTo("2026-03-03T16:15:00Z");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains(bad + ":2: Received: \"yesterday\" is not a date");
    }

    @Test
    void aCaseOpensStraightOnMailTrailsOwnDataDirectory() throws Exception {
        Path story = Path.of("../examples/bec-story.jsonl").toAbsolutePath().normalize();
        Path data = dir.resolve("data");
        MtRun ingest = MtRun.of("ingest", "--data", data.toString(), "--no-progress", story.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();

        MtRun run = MtRun.of(
                "scope",
                "--case",
                data.toString(),
                "--mailbox",
                "alice@contoso.com",
                "--attacker-ip",
                "203.0.113.66",
                "--format",
                "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode scope = new ObjectMapper().readTree(run.out());
        // Read once although the mailbox and the unified audit log both hold each record.
        assertThat(scope.get("distinctMessagesRead").asInt()).isEqualTo(4);
        assertThat(scope.get("messagesRead")).hasSize(4);
        assertThat(scope.get("foldersSynced").get(0).get("folder").asText()).isEqualTo("\\Sent");
        assertThat(scope.get("foldersSynced").get(0).get("syncedItems").asInt()).isEqualTo(5);
        assertThat(scope.get("statement").asText()).contains("changed inbox rules (UpdateInboxRules");
    }

    @Test
    void aDirectoryThatIsNoCaseIsNamed() {
        MtRun run = MtRun.of("scope", "--case", dir.resolve("nothing").toString(), "--mailbox", "a@b");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("not a case").contains("mt import");
    }
}
