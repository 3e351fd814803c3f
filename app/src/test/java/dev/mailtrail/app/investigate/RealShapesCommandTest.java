package dev.mailtrail.app.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.process.MtRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt import} and {@code mt scope} end to end on investigate's real-shapes fixtures (records with the shapes
 * of public real records; their SOURCES.md holds the facts checked by hand), into a case on disk.
 */
class RealShapesCommandTest {
    private static final String ALICE = "alice@contoso.com";

    @TempDir
    Path dir;

    /** investigate's {@code src/test/resources/real-shapes}, found from the working directory. */
    private static Path realShapes() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("investigate/src/test/resources/real-shapes");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no investigate/src/test/resources/real-shapes above " + Path.of(""));
    }

    private Path caseDir() {
        return dir.resolve("case");
    }

    private MtRun scope(String mailbox, String... attackerIps) {
        List<String> args = new ArrayList<>(
                List.of("scope", "--case", caseDir().toString(), "--mailbox", mailbox, "--format", "json"));
        for (String ip : attackerIps) {
            args.add("--attacker-ip");
            args.add(ip);
        }
        return MtRun.of(args.toArray(String[]::new));
    }

    @Test
    void theWholeDirectoryImportsWithoutRejectOrSkippedExport() {
        MtRun run =
                MtRun.of("import", realShapes().toString(), "--case", caseDir().toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("(0 duplicates, 0 rejected)").contains("SOURCES.md: skipped");
        assertThat(run.out().lines().filter(line -> line.contains(": skipped")))
                .as("only the notes are skipped")
                .hasSize(1);
    }

    @Test
    void namingEveryFileImportsThemAll() throws Exception {
        List<String> args = new ArrayList<>(List.of("import"));
        try (var files = Files.list(realShapes())) {
            files.filter(file -> !file.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .forEach(file -> args.add(file.toString()));
        }
        args.addAll(List.of("--case", caseDir().toString()));

        MtRun run = MtRun.of(args.toArray(String[]::new));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("imported 39 of 39 records (0 duplicates, 0 rejected)");
    }

    @Test
    void scopeNamesTheDraftsReadTheRuleAndTheDeletesOfTheAttackersIp() throws Exception {
        MtRun.of("import", realShapes().toString(), "--case", caseDir().toString());

        MtRun run = scope(ALICE, "203.0.113.10");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode scope = new ObjectMapper().readTree(run.out());
        assertThat(scope.get("distinctMessagesRead").asInt()).isEqualTo(3);
        assertThat(scope.get("messagesRead").get(0).get("subject").asText()).isEqualTo("Q1 payment run - bank details");
        assertThat(scope.get("statement").asText())
                .contains("The attacker read 3 messages in \\Brouillons")
                .contains("deleted 6 items");
        assertThat(scope.get("actions").toString()).contains("forwards to ap-desk@fabrikam.net");
    }

    @Test
    void importingAFileAgainAddsNoRejectsAgain() throws Exception {
        Path export = realShapes().resolve("elastic-exchange-item-quirks.jsonl");
        Path rejects = caseDir().resolve("rejects.jsonl");

        MtRun.of("import", export.toString(), "--case", caseDir().toString());
        long first = Files.exists(rejects) ? Files.readAllLines(rejects).size() : 0;
        MtRun again = MtRun.of("import", export.toString(), "--case", caseDir().toString());

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.exists(rejects) ? Files.readAllLines(rejects).size() : 0)
                .isEqualTo(first);
    }

    @Test
    void theSentinelExportSavedAgainWithCrlfLineEndsStoresNothingNew() throws Exception {
        Path export = realShapes().resolve("sentinel-lab-officeactivity.csv");
        Path crlf = dir.resolve("sentinel-lab-officeactivity-crlf.csv");
        Files.writeString(crlf, Files.readString(export).replace("\n", "\r\n"));

        MtRun first = MtRun.of("import", export.toString(), "--case", caseDir().toString());
        MtRun again = MtRun.of("import", crlf.toString(), "--case", caseDir().toString());

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("imported 0 of 3 records (3 duplicates, 0 rejected)");
    }
}
