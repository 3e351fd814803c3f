package dev.mailtrail.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt serve} killed with {@code kill -9} as soon as the client has a message whole, while the read that names
 * it is still kept back to share the session's next journal append: the intent is left open, and the restarted
 * {@code mt serve}, which has a lookup account, asks the server which message the UID was before it records the read (docs/decisions/0011) — the record names the
 * Message-ID, not the UID alone.
 */
class IntentNamingKillProcessTest {

    @TempDir
    Path dir;

    @Test
    void aReadCutByKill9IsNamedByTheLookupWhenTheProxyRestarts() throws Exception {
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")))) {
            String messageId = dovecot.seed("bob", "INBOX", "Quarterly archive", "The figures are attached.\n");
            // the kill must land inside the hold-back (250 ms after the answer); on a loaded machine the test's own
            // thread may be late, so the scenario is tried again with a fresh data directory, as a person would
            Path data = null;
            for (int attempt = 1; attempt <= 3 && data == null; attempt++) {
                Path tried = dir.resolve("data-" + attempt);
                if (killedWithTheReadKeptBack(dovecot, tried, messageId)) {
                    data = tried;
                }
            }
            assertThat(data)
                    .as("in 3 tries the kill never landed before the read naming the message was journaled")
                    .isNotNull();
            String lookup = "lookup-user = " + DovecotInstance.MASTER + "\nlookup-password = "
                    + DovecotInstance.MASTER_PASSWORD + "\n";
            try (ServeProcess restarted =
                    ServeProcess.startWith(dir.resolve("proxy2.conf"), lookup, "", dovecot.imapPort(), data, null)) {
                assertThat(restarted.process.isAlive()).as(restarted.printed()).isTrue();
            } // stopped cleanly: the records are committed
            assertThat(KilledRead.readsAfterRestart(data))
                    .as("the read cut short by kill -9 has exactly one record, named by the lookup")
                    .singleElement()
                    .satisfies(r -> assertThat(r)
                            .contains(";uid=1\"")
                            .contains(messageId)
                            .contains("Quarterly archive"));
        }
    }

    /**
     * Reads the message through a fresh {@code mt serve} on {@code data} and kills it with {@code kill -9} as soon as
     * the answer is whole; true when a copy of what it left, opened without a lookup, has the read by its UID only —
     * the kill landed while the read was kept back and only the intent was durable.
     */
    private boolean killedWithTheReadKeptBack(DovecotInstance dovecot, Path data, String messageId) throws Exception {
        try (ServeProcess serve = ServeProcess.start(dir.resolve("proxy.conf"), dovecot.imapPort(), data, null)) {
            // SIGKILL as soon as the answer is whole: the read that names the message is still kept back (up to
            // 250 ms) to share the session's next journal append, so only the intent is durable
            KilledRead.Cut cut =
                    KilledRead.fetchAndKill(serve, "UID FETCH 1 (BODY.PEEK[])", l -> l.startsWith("c "), 0);
            assertThat(cut.line()).startsWith("c OK");
        }
        Path copy = data.resolveSibling(data.getFileName() + "-copy");
        try (var files = Files.walk(data)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isDirectory(f) || Files.isRegularFile(f)) { // not the dead process's command socket
                    Files.copy(f, copy.resolve(data.relativize(f).toString()));
                }
            }
        }
        List<String> reads = KilledRead.readsAfterRestart(copy);
        assertThat(reads).as("one read, named or not").hasSize(1);
        assertThat(reads.getFirst()).contains(";uid=1\"");
        return !reads.getFirst().contains(messageId);
    }
}
