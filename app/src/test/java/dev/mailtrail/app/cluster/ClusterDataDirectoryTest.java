package dev.mailtrail.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.app.process.MtRun;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory whose process runs on a cluster: its pointer, and what it refuses to become. */
class ClusterDataDirectoryTest {
    private static final ClusterSettings SETTINGS = new ClusterSettings(
            List.of("127.0.0.1:19092", "127.0.0.2:19092"),
            "audit.journal",
            6,
            (short) 3,
            2,
            URI.create("http://127.0.0.1:19200"),
            "contoso",
            "contoso-cores",
            2,
            Duration.ofMillis(250),
            Duration.ofMinutes(3));

    @TempDir
    Path dir;

    @Test
    void thePointerGivesBackTheSettingsItWasWrittenWith() throws IOException {
        assertThat(ClusterPointer.read(dir)).isEmpty();

        ClusterPointer.write(dir, SETTINGS);

        assertThat(ClusterPointer.read(dir)).contains(SETTINGS);
    }

    @Test
    void aDamagedPointerIsNamed() throws IOException {
        Files.writeString(dir.resolve(ClusterPointer.FILE), "kafka=127.0.0.1:9092\n");

        assertThatThrownBy(() -> ClusterPointer.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessage(dir.resolve(ClusterPointer.FILE) + ": not a cluster pointer MailTrail wrote: no topic");
    }

    @Test
    void aConfigurationCmdletOnAClusterDirectoryWithNoProcessSaysWhatToStart() throws IOException {
        ClusterPointer.write(dir, SETTINGS);

        MtRun run = MtRun.of(
                "Set-Mailbox", "--data", dir.toString(), "-Identity", "alice@contoso.com", "-AuditEnabled", "$true");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("mt Set-Mailbox: " + dir + " belongs to a cluster (cluster.properties) and no process runs"
                        + " on it: start mt serve --data " + dir
                        + " (or mt demo --cluster) and run the cmdlet again\n");
        assertThat(dir.resolve("journal")).doesNotExist();
    }

    @Test
    void aSearchOfAClusterThatCannotBeReachedFailsNamingIt() throws IOException {
        ClusterPointer.write(dir, SETTINGS);

        MtRun run = MtRun.of("Search-MailboxAuditLog", "--data", dir.toString(), "-Identity", "alice@contoso.com");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("mt Search-MailboxAuditLog: ").contains("127.0.0.1:19200");
        assertThat(dir.resolve("journal")).doesNotExist();
    }

    @Test
    void ingestingIntoADirectoryThatPointsToAClusterIsRefused() throws IOException {
        ClusterPointer.write(dir, SETTINGS);
        Path events = Files.writeString(dir.resolve("events.jsonl"), "");

        MtRun run = MtRun.of("ingest", "--data", dir.toString(), events.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(dir + " belongs to a cluster (cluster.properties)");
        assertThat(dir.resolve("journal")).doesNotExist();
    }

    @Test
    void serveOnAClusterRefusesADirectoryWithAnEmbeddedJournal() throws IOException {
        Files.createDirectories(dir.resolve("data/journal"));

        MtRun run = MtRun.of(
                "serve",
                "--config",
                config().toString(),
                "--data",
                dir.resolve("data").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains(dir.resolve("data") + " holds an embedded journal (journal/): a process on the cluster needs"
                        + " a data directory of its own");
    }

    @Test
    void serveWithoutTheClusterRefusesADirectoryThatPointsToOne() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        ClusterPointer.write(data, SETTINGS);
        Path embedded = dir.resolve("embedded.conf");
        Files.writeString(embedded, Files.readString(config()).replaceAll("(?s)\\[cluster].*", ""));

        MtRun run = MtRun.of("serve", "--config", embedded.toString(), "--data", data.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(data + " belongs to a cluster (cluster.properties)");
        assertThat(data.resolve("journal")).doesNotExist();
    }

    @Test
    void theEmbeddedJournalsOptionsAreRefusedOnACluster() throws IOException {
        MtRun run = MtRun.of("serve", "--config", config().toString(), "--data", dir.toString(), "--repair");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--repair is for the data directory's own journal; with [cluster]");
    }

    private Path config() throws IOException {
        Path file = dir.resolve("proxy.conf");
        Files.writeString(file, """
                [upstream imap]
                host = 127.0.0.1
                port = 1

                [listener imap]
                protocol = imap
                address = 127.0.0.1
                port = 0

                [cluster]
                kafka = 127.0.0.1:19092
                search = http://127.0.0.1:19200
                """);
        return file;
    }
}
