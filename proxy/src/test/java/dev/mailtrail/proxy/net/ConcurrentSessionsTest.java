package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.config.AuditMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many sessions at once, each reading large messages and logging out, each seeing every answer it is owed. */
class ConcurrentSessionsTest {

    @TempDir
    Path dir;

    @Test
    void tenSessionsReadingLargeMessagesAllGetTheirMessagesAndLogoutAnswers() throws Exception {
        try (ProxyHarness h = new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT)) {
            for (int i = 0; i < 3; i++) {
                h.dovecot.seed("alice", "INBOX", "large " + i, ("y".repeat(76) + "\n").repeat(4_000));
            }
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                List<Future<String>> sessions = new ArrayList<>();
                for (int s = 0; s < 10; s++) {
                    sessions.add(pool.submit(() -> {
                        try (LineClient c = new LineClient(h.port("imap"))) {
                            c.line();
                            c.send("a LOGIN alice Secret123");
                            c.until("a ");
                            c.send("s SELECT INBOX");
                            c.until("s ");
                            for (int i = 1; i <= 3; i++) {
                                c.send("f" + i + " UID FETCH " + (1 + i % 3) + " (BODY.PEEK[])");
                                assertThat(c.until("f" + i + " ")).contains("f" + i + " OK");
                            }
                            c.send("z LOGOUT");
                            return c.until("z ");
                        }
                    }));
                }
                for (Future<String> f : sessions) {
                    assertThat(f.get()).contains("* BYE").contains("z OK");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
