package dev.mailtrail.app.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import of a path that is not there says so once, and makes no case for nothing. */
class ImportMissingPathTest {
    @TempDir
    Path dir;

    @Test
    void onlyMissingPathsAreRefusedAndNoCaseIsMade() {
        Path caseDir = dir.resolve("case");
        MtRun run = MtRun.of("import", dir.resolve("nonexistent.csv").toString(), "--case", caseDir.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(
                        "mt import: " + dir.resolve("nonexistent.csv") + ": refused, no such file or" + " directory\n");
        assertThat(run.out()).isEmpty();
        assertThat(Files.exists(caseDir)).isFalse();
    }

    @Test
    void aMissingPathBesideAnExportIsRefusedAndTheOthersAreImported() throws Exception {
        Path export = dir.resolve("bec.jsonl");
        Files.copy(Path.of("..", "examples", "bec-story.jsonl"), dir.resolve("events.jsonl"));
        MtRun replay = MtRun.of("replay", dir.resolve("events.jsonl").toString());
        Files.writeString(export, replay.out());

        MtRun run = MtRun.of(
                "import",
                export.toString(),
                dir.resolve("gone").toString(),
                "--case",
                dir.resolve("case").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("1 file refused (listed above); the others were imported");
    }
}
