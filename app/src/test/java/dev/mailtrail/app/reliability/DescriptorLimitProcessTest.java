package dev.mailtrail.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt serve} started under a low descriptor limit ({@code ulimit -n}) and flooded with idle connections until
 * descriptors run out, then given them back: it either goes on recording by itself or ends with status 70 for its
 * service manager to restart — never stays up refusing every login. Every read a client received has its record.
 */
class DescriptorLimitProcessTest {
    private static final String BODY = "Not for circulation.";
    private static final int LIMIT = 256;

    @TempDir
    Path dir;

    @Test
    void runningOutOfDescriptorsNeitherLosesAReadNorLeavesADeadServerUp() throws Exception {
        Path data = dir.resolve("data");
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")))) {
            dovecot.seed("bob", "INBOX", "Bonus plan", BODY);
            Path conf = dir.resolve("proxy.conf");
            int released = 0;
            String outcome;
            try (ServeProcess serve = ServeProcess.start(conf, dovecot.imapPort(), data, "ulimit -n " + LIMIT + ";")) {
                assertThat(serve.fetch()).as(serve.printed()).contains(BODY);
                released++;
                List<Socket> flood = new ArrayList<>();
                try {
                    for (int i = 0; i < 2 * LIMIT; i++) {
                        flood.add(new Socket("127.0.0.1", serve.port));
                    }
                    Thread.sleep(2_000);
                    // reads while descriptors are exhausted: refused or released, never released unrecorded
                    for (int i = 0; i < 3; i++) {
                        if (serve.fetch().contains(BODY)) {
                            released++;
                        }
                    }
                } finally {
                    for (Socket socket : flood) {
                        socket.close();
                    }
                }
                Thread.sleep(3_000);
                if (serve.process.isAlive()) {
                    // alive: it must serve again by itself, once the flood's sessions it accepted late are gone
                    // (at the latest by the login timeout); a client tries again meanwhile
                    String after = serve.fetch();
                    java.time.Instant deadline = java.time.Instant.now().plusSeconds(90);
                    while (!after.contains(BODY) && java.time.Instant.now().isBefore(deadline)) {
                        Thread.sleep(1_000);
                        after = serve.fetch();
                    }
                    assertThat(after)
                            .as("alive, so it must serve again: " + serve.printed())
                            .contains(BODY);
                    released++;
                    outcome = "recovered by itself";
                } else {
                    assertThat(serve.process.exitValue()).as(serve.printed()).isEqualTo(70);
                    assertThat(serve.printed()).contains("the audit pipeline stopped");
                    outcome = "ended with status 70";
                }
            }
            try (AuditPipeline reopened =
                    AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "test")) {
                StringBuilder exported = new StringBuilder();
                reopened.mailboxLog().export(r -> exported.append(r.auditData()).append('\n') != null);
                int accessed = exported.toString().split("\"MailItemsAccessed\"", -1).length - 1;
                System.out.println("descriptor limit " + LIMIT + ": " + outcome + "; reads released " + released
                        + ", MailItemsAccessed records " + accessed);
                assertThat(accessed).as("every read released has its record").isEqualTo(released);
            }
        }
    }
}
