package dev.mailtrail.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt serve} killed with {@code kill -9} while a 40 MB message (larger than {@code max-held-bytes}) is half-way
 * to the client: the record of the read was durable before the first byte went out, so it is there after the
 * restart.
 */
class LargeReadKillProcessTest {

    private static final int LINE = 78;
    private static final int SIZE = 40_000_000;

    @TempDir
    Path dir;

    @Test
    void aLargeReadCutByKill9HasItsRecordAfterTheRestart() throws Exception {
        Path data = dir.resolve("data");
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")))) {
            String messageId = dovecot.seed(
                    "bob", "INBOX", "Quarterly archive", ("x".repeat(LINE - 1) + "\n").repeat(SIZE / LINE));
            KilledRead.Cut cut;
            try (ServeProcess serve = ServeProcess.start(dir.resolve("proxy.conf"), dovecot.imapPort(), data, null)) {
                cut = KilledRead.fetchAndKill(serve, "FETCH 1 (BODY.PEEK[])", l -> l.startsWith("* 1 FETCH"), SIZE / 2);
            }
            assertThat(cut.bytesAfter()).isEqualTo(SIZE / 2);
            assertThat(String.join("\n", KilledRead.readsAfterRestart(data)))
                    .as("the read of the message cut short by kill -9 has its record")
                    .contains("\"MailItemsAccessed\"")
                    .contains(messageId.substring(1, messageId.length() - 1));
        }
    }
}
