package dev.mailtrail.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.MtProcess.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user gets when a command cannot do its work: one line saying what and where, a non-zero exit status, no
 * Java exception or stack trace; and what mt writes is private (directories 0700, files 0600), never through a link.
 */
class CommandLineErrorsProcessTest {
    private static final Path STORY =
            Path.of("../examples/bec-story.jsonl").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void importOfAMissingPathIsOneLine() {
        Path missing = dir.resolve("no-such-export.csv");

        Result run = MtProcess.run(
                dir.resolve("data"),
                "import",
                "--case",
                dir.resolve("case").toString(),
                "--no-progress",
                missing.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("mt import: " + missing + ": refused, no such file or directory");
        assertNoJava(run);
    }

    @Test
    void aCaseThatIsASymbolicLinkOrAFileIsRefusedInOneLine() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("case-link"), elsewhere);
        Path file = Files.writeString(dir.resolve("case-file"), "x");

        Result viaLink = MtProcess.run(dir.resolve("data"), "import", "--case", link.toString(), STORY.toString());
        Result onFile = MtProcess.run(dir.resolve("data"), "import", "--case", file.toString(), STORY.toString());

        assertThat(viaLink.exit()).isEqualTo(1);
        assertThat(viaLink.err().strip())
                .isEqualTo("mt import: " + link + ": is a symbolic link; MailTrail does not write through links");
        assertThat(elsewhere).isEmptyDirectory();
        assertThat(onFile.exit()).isEqualTo(1);
        assertThat(onFile.err().strip()).isEqualTo("mt import: " + file + ": is a file, not a directory");
        assertNoJava(viaLink);
        assertNoJava(onFile);
    }

    @Test
    void aReportThroughALinkOrWhereNoFileCanBeIsRefusedInOneLineAndAGoodOneIsPrivate() throws IOException {
        Path data = dir.resolve("data");
        Result ingest = MtProcess.run(data, "ingest", "--no-progress", STORY.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        assertThat(mode(data)).isEqualTo("rwx------");
        Path target = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("report.html"), target);
        Path underAFile = target.resolve("report.html");

        Result viaLink = scope(data, link);
        Result unwritable = scope(data, underAFile);
        Result good = scope(data, dir.resolve("good.html"));

        assertThat(viaLink.exit()).isEqualTo(1);
        assertThat(viaLink.err().strip())
                .isEqualTo(
                        "mt scope: --report " + link + ": is a symbolic link; MailTrail does not write through links");
        assertThat(Files.readString(target)).isEqualTo("keep me");
        assertThat(unwritable.exit()).isEqualTo(1);
        assertThat(unwritable.err().strip())
                .startsWith("mt scope: --report " + underAFile + ": ")
                .doesNotContain("\n");
        assertNoJava(viaLink);
        assertNoJava(unwritable);
        assertThat(good.exit()).as(good.err()).isZero();
        assertThat(mode(dir.resolve("good.html"))).isEqualTo("rw-------");
    }

    @Test
    void serveOnADataDirectoryInUseIsOneLine() throws Exception {
        Path data = dir.resolve("data");
        Process holder = MtProcess.start(data, "ingest", "--no-progress", "-");
        try (OutputStream stdin = holder.getOutputStream()) {
            waitForLock(data);
            Path conf = dir.resolve("proxy.conf");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Files.writeString(conf, """
                    [upstream imap]
                    host = 127.0.0.1
                    port = 1

                    [listener imap]
                    protocol = imap
                    address = 127.0.0.1
                    port = %d
                    """.formatted(port));

            Result run = MtProcess.run(data, "serve", "--config", conf.toString(), "--data", data.toString());

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err().strip())
                    .startsWith("mt serve: the data directory " + data + " is in use by another MailTrail process")
                    .doesNotContain("\n");
            assertNoJava(run);
        } finally {
            holder.waitFor(60, TimeUnit.SECONDS);
            holder.destroy();
        }
    }

    @Test
    void verifyOfADirectoryThatDoesNotExistFails() {
        Path typo = dir.resolve("typo");

        Result run = MtProcess.run(dir.resolve("data"), "verify", "--data", typo.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("mt verify: " + typo + ": no such data directory");
        assertThat(typo).doesNotExist();
    }

    private Result scope(Path data, Path report) {
        return MtProcess.run(
                data,
                "scope",
                "--case",
                data.toString(),
                "--mailbox",
                "alice@contoso.com",
                "--report",
                report.toString());
    }

    private static void waitForLock(Path data) throws InterruptedException, IOException {
        Path lock = data.resolve("mailtrail.lock");
        for (int i = 0; i < 600; i++) {
            if (Files.exists(lock)
                    && Files.readString(lock, StandardCharsets.UTF_8).contains("ingest")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("mt ingest never locked " + data);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void assertNoJava(Result run) {
        assertThat(run.err())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("java.");
        assertThat(run.out()).doesNotContain("Exception");
    }
}
