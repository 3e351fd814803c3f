package dev.mailtrail.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt serve} killed with {@code kill -9} while a 1 MB message (held whole before intents, now streamed behind
 * the intent journaled when the FETCH arrived, docs/decisions/0011) is half-way to the client: after the restart
 * the read has exactly one record — the intent and whatever of its completion was journaled join into one.
 */
class IntentReadKillProcessTest {

    private static final int LINE = 78;
    private static final int SIZE = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aReadStreamedUnderItsIntentAndCutByKill9HasExactlyOneRecordAfterTheRestart() throws Exception {
        Path data = dir.resolve("data");
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")))) {
            dovecot.seed("bob", "INBOX", "Quarterly archive", ("x".repeat(LINE - 1) + "\n").repeat(SIZE / LINE));
            KilledRead.Cut cut;
            try (ServeProcess serve = ServeProcess.start(dir.resolve("proxy.conf"), dovecot.imapPort(), data, null)) {
                cut = KilledRead.fetchAndKill(
                        serve, "UID FETCH 1 (BODY.PEEK[])", l -> l.startsWith("* 1 FETCH"), SIZE / 2);
            }
            assertThat(cut.bytesAfter()).isEqualTo(SIZE / 2);
            List<String> reads = KilledRead.readsAfterRestart(data);
            assertThat(reads)
                    .as("the read of the message cut short by kill -9 has exactly one record")
                    .singleElement()
                    .satisfies(r -> assertThat(r).contains(";uid=1\""));
            assertThat(reads.getFirst().split(";uid=1\"", -1))
                    .as("the message named once")
                    .hasSize(2);
        }
    }
}
