package dev.mailtrail.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt serve} with its data directory on a small file system that fills up: the read that cannot be journaled
 * is not released, the process ends with status 70 and one line saying why (so that the service manager restarts
 * it), and once space is freed the restarted server records again; every read a client received has its record.
 * Needs root to mount a tmpfs; skipped otherwise.
 */
class DiskFullProcessTest {
    private static final String BODY = "Not for circulation.";

    @TempDir
    Path dir;

    private Path small;
    private int releasedBeforeFull;

    @AfterEach
    void unmount() throws Exception {
        if (small != null) {
            new ProcessBuilder("umount", "-l", small.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        }
    }

    @Test
    void aFullDiskEndsTheServerWithStatus70AndItRecordsAgainOnceSpaceIsFreed() throws Exception {
        Path mountPoint = Files.createDirectories(dir.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mountPoint.toString())
                .redirectErrorStream(true)
                .start();
        assumeTrue(mount.waitFor() == 0, "mounting a tmpfs needs root");
        small = mountPoint;
        Path data = small.resolve("data");
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")))) {
            dovecot.seed("bob", "INBOX", "Bonus plan", BODY);
            Path conf = dir.resolve("proxy.conf");
            try (ServeProcess serve = ServeProcess.start(conf, dovecot.imapPort(), data, null)) {
                assertThat(serve.fetch()).as(serve.printed()).contains(BODY);
                fill(small.resolve("filler"));
                // reads go on while their events still fit in journal pages already allocated; the first write
                // that needs a new page or file fails, and the server ends
                int released = 1;
                for (int i = 0; i < 200 && serve.process.isAlive(); i++) {
                    if (serve.fetch().contains(BODY)) {
                        released++;
                    }
                    Thread.sleep(100);
                }
                assertThat(serve.process.waitFor(60, TimeUnit.SECONDS))
                        .as("the server ends: " + serve.printed())
                        .isTrue();
                assertThat(serve.process.exitValue()).as(serve.printed()).isEqualTo(70);
                assertThat(serve.printed())
                        .contains("the audit pipeline stopped")
                        .contains("status 70");
                releasedBeforeFull = released;
            }
            Files.delete(small.resolve("filler"));
            try (ServeProcess restarted = ServeProcess.start(conf, dovecot.imapPort(), data, null)) {
                assertThat(restarted.fetch()).as(restarted.printed()).contains(BODY);
            }
            try (AuditPipeline reopened =
                    AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "test")) {
                long reads = reopened.mailboxLog().export(r -> true);
                StringBuilder exported = new StringBuilder();
                reopened.mailboxLog().export(r -> exported.append(r.auditData()).append('\n') != null);
                int accessed = exported.toString().split("\"MailItemsAccessed\"", -1).length - 1;
                System.out.println("disk full: reads released " + (releasedBeforeFull + 1) + ", MailItemsAccessed"
                        + " records " + accessed + ", records " + reads);
                assertThat(accessed)
                        .as("every read released has its record: " + exported)
                        .isEqualTo(releasedBeforeFull + 1);
            }
        }
    }

    /** Writes zeros until the file system is full. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left: what the test wants
        }
    }
}
