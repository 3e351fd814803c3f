package dev.mailtrail.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt serve} killed with {@code kill -9} as soon as the client has the answer to an EXPUNGE, while the
 * HardDelete decided from it may still be kept back to share the session's next journal append: the intent
 * journaled when the EXPUNGE arrived (docs/decisions/0011) is durable, so after the restart each message removed has
 * exactly one HardDelete record — the delete's own, or the intent's, resolved on reopening.
 */
class ExpungeIntentKillProcessTest {

    @TempDir
    Path dir;

    @Test
    void anExpungeCutByKill9LeavesOneHardDeleteRecordPerMessage() throws Exception {
        Path data = dir.resolve("data");
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")))) {
            dovecot.seed("bob", "INBOX", "Merger", "The merger closes on Friday.\n");
            dovecot.seed("bob", "INBOX", "Lunch", "Noon at the usual place.\n");
            dovecot.seed("bob", "INBOX", "Minutes", "Kept.\n");
            try (ServeProcess serve = ServeProcess.start(dir.resolve("proxy.conf"), dovecot.imapPort(), data, null)) {
                KilledRead.Cut cut = KilledRead.sendAndKill(
                        serve,
                        "c UID FETCH 1:* (FLAGS)\r\nd UID STORE 1:2 +FLAGS.SILENT (\\Deleted)\r\ne EXPUNGE",
                        "e ",
                        l -> l.startsWith("e "),
                        0);
                assertThat(cut.line()).startsWith("e OK");
            }
            List<String> deletes = KilledRead.recordsAfterRestart(data, "HardDelete");
            assertThat(deletes).as("one HardDelete record for the EXPUNGE").hasSize(1);
            String record = deletes.getFirst();
            assertThat(record.split(";uid=1\"", -1)).as("uid 1 named once: " + record).hasSize(2);
            assertThat(record.split(";uid=2\"", -1)).as("uid 2 named once: " + record).hasSize(2);
            assertThat(record).doesNotContain(";uid=3\"");
        }
    }
}
