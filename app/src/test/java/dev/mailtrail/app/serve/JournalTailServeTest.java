package dev.mailtrail.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy run as {@code mt serve} runs it keeps the journal its file's {@code [journal]} section says: reads through
 * it fill small segments, and what snapshots and stores cover goes but for the file's tail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalTailServeTest {
    /** Small segments, so that a few hundred reads fill several (the file cannot set this). */
    private static final long SEGMENT = 16 * 1024;

    @TempDir
    static Path dir;

    private DovecotInstance dovecot;

    @BeforeAll
    void start() throws Exception {
        dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")));
        for (int i = 1; i <= 5; i++) {
            dovecot.seed("alice", "INBOX", "Report " + i, "Quarterly figures, part " + i + ".");
        }
    }

    @AfterAll
    void stop() {
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void aSmallTailInTheFileTrimsTheJournalToIt() throws Exception {
        Path data = serve("small", "tail = 32KiB\nsnapshot-entries = 1\n");
        assertThat(firstSequence(data)).as("covered segments were deleted").isGreaterThan(1);
        assertThat(journalBytes(data))
                .as("the tail, the segment being written and what came after the last snapshot")
                .isLessThanOrEqualTo(4 * SEGMENT);
    }

    @Test
    void aLargeTailInTheFileKeepsTheWholeJournal() throws Exception {
        Path data = serve("large", "tail = 64MiB\nsnapshot-entries = 1\n");
        assertThat(firstSequence(data)).isEqualTo(1);
        assertThat(journalBytes(data))
                .as("as much as the small tail's run wrote")
                .isGreaterThan(4 * SEGMENT);
    }

    /** Reads messages through a proxy configured by a file with {@code journal} as its [journal] section. */
    private Path serve(String name, String journal) throws Exception {
        ProxyConfig config =
                ImapProxyConf.write(dir.resolve(name + ".conf"), dovecot.imapPort(), "", "\n[journal]\n" + journal);
        Path data = dir.resolve(name);
        PipelineOptions options = PipelineOptions.defaults()
                .withSnapshots(ServeSnapshots.policy(config.journal(), null).withSegmentBytes(SEGMENT));
        try (AuditingProxy proxy = AuditingProxy.start(config, data, Clock.systemUTC(), options, false)) {
            int port = proxy.addresses().get("imap").getPort();
            Path script = dir.resolve(name + ".py");
            Files.writeString(script, """
                    import imaplib, time
                    m = imaplib.IMAP4('127.0.0.1', %d)
                    m.login('alice', 'Secret123')
                    m.select('INBOX')
                    for i in range(400):
                        m.fetch(str(i %% 5 + 1), '(BODY.PEEK[])')
                        if i %% 100 == 99:
                            time.sleep(1.2)  # a store commit, and a snapshot after it
                    m.logout()
                    """.formatted(port));
            Process p = new ProcessBuilder("python3", script.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
        }
        return data;
    }

    private static long firstSequence(Path data) throws IOException {
        Path file = data.resolve(AuditPipeline.JOURNAL).resolve("first-sequence");
        return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : 1;
    }

    private static long journalBytes(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data.resolve(AuditPipeline.JOURNAL))) {
            return files.filter(p -> p.toString().endsWith(".journal"))
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }
}
