package dev.mailtrail.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt serve} under a low descriptor limit, flooded with idle connections from several addresses with the
 * connection limits on: accepting pauses before the stores run short, the login timeout frees the idle ones, and a
 * read made during the flood is served with its record; the server never stops recording.
 */
class ConnectionFloodProcessTest {
    private static final String BODY = "Not for circulation.";
    private static final int LIMIT = 256;

    @TempDir
    Path dir;

    @Test
    void aFloodUnderALowDescriptorLimitPausesAcceptingAndAReadDuringItHasItsRecord() throws Exception {
        Path data = dir.resolve("data");
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")))) {
            dovecot.seed("bob", "INBOX", "Bonus plan", BODY);
            Path conf = dir.resolve("proxy.conf");
            String limits = "\n[limits]\nmax-connections-per-ip = 40\nlogin-timeout = 3s\n";
            int released = 0;
            List<Socket> flood = new ArrayList<>();
            try (ServeProcess serve =
                    ServeProcess.start(conf, limits, dovecot.imapPort(), data, "ulimit -n " + LIMIT + ";")) {
                assertThat(serve.fetch()).as(serve.printed()).contains(BODY);
                released++;
                try {
                    for (int a = 2; a <= 9; a++) {
                        for (int i = 0; i < 40; i++) {
                            Socket s = new Socket();
                            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + a), 0));
                            try {
                                s.connect(new InetSocketAddress("127.0.0.1", serve.port), 500);
                                flood.add(s);
                            } catch (IOException backlogFull) {
                                s.close();
                            }
                        }
                    }
                    // a read during the flood: it waits while accepting is paused, then is served, recorded
                    // (a connection accepted as the line is reached again is refused in IMAP's words: try again)
                    // as a client told to try again later does: again, after a moment, until the login timeout
                    // has freed the idle connections (3 s) and some more
                    String during = "";
                    java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
                    while (!during.contains(BODY) && java.time.Instant.now().isBefore(deadline)) {
                        during = serve.fetch();
                        if (!during.contains(BODY)) {
                            assertThat(during).as(serve.printed()).contains("* BYE [UNAVAILABLE]");
                            Thread.sleep(250);
                        }
                    }
                    assertThat(during).as(serve.printed()).contains(BODY);
                    released++;
                } finally {
                    for (Socket socket : flood) {
                        socket.close();
                    }
                }
                assertThat(serve.process.isAlive()).as(serve.printed()).isTrue();
                assertThat(serve.printed())
                        .as("accepting paused within the stores' reserve, and resumed")
                        .contains("new connections wait until some close")
                        .contains("accepting connections again");
                assertThat(serve.fetch()).as(serve.printed()).contains(BODY);
                released++;
            }
            try (AuditPipeline reopened =
                    AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "test")) {
                StringBuilder exported = new StringBuilder();
                reopened.mailboxLog().export(r -> exported.append(r.auditData()).append('\n') != null);
                int accessed = exported.toString().split("\"MailItemsAccessed\"", -1).length - 1;
                System.out.println("descriptor limit " + LIMIT + ", " + flood.size() + " idle connections: reads"
                        + " released " + released + ", MailItemsAccessed records " + accessed);
                assertThat(accessed).as("every read released has its record").isEqualTo(released);
            }
        }
    }
}
