package dev.mailtrail.sensor.dovecot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.config.LookupAccount;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.sensor.dovecot.map.MappingRules;
import dev.mailtrail.sensor.dovecot.name.LookupItemNamer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that marks and expunges at once, with nothing read before, against the live sensor: the deletes are
 * always recorded, by UID; whether they are also named depends on whether the lookup reached the message before the
 * EXPUNGE did. What was named is written to {@code target/immediate-delete.txt} for the documentation.
 */
class DovecotImmediateDeleteTest {

    @TempDir
    Path dir;

    @Test
    void anImmediateDeleteIsRecordedEvenWhenItCannotBeNamed() throws Exception {
        List<MailboxAccess> deletes = deleteAll(false);
        assertThat(deletes).hasSize(5).allSatisfy(d -> assertThat(d.items()).hasSize(1));
    }

    @Test
    void aDeleteAfterTheMessageListWasSeenIsNamed() throws Exception {
        List<MailboxAccess> deletes = deleteAll(true);
        assertThat(deletes).hasSize(5).allSatisfy(d -> assertThat(
                        d.items().getFirst().internetMessageId())
                .startsWith("<seed-"));
    }

    /** Marks and expunges five messages one by one, at once, after a header listing if {@code listFirst}. */
    private List<MailboxAccess> deleteAll(boolean listFirst) throws Exception {
        List<AuditEvent> accepted = new ArrayList<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/";
        try (DovecotInstance dovecot = DovecotInstance.start(
                        dir, null, ExporterConfiguration.posting(url, ExporterConfiguration.FILTER));
                LookupItemNamer namer = LookupItemNamer.connect(new UpstreamConfig(
                                "127.0.0.1",
                                dovecot.imapPort(),
                                TlsMode.NONE,
                                false,
                                null,
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(10),
                                false)
                        .withLookup(new LookupAccount(
                                DovecotInstance.MASTER, DovecotInstance.MASTER_PASSWORD, Duration.ofSeconds(5))))) {
            DovecotSensor sensor = new DovecotSensor(MappingRules.DEFAULTS, namer);
            endpoint.createContext("/", exchange -> {
                DovecotSensor.Accepted a = sensor.accept(
                        new ByteArrayInputStream(exchange.getRequestBody().readAllBytes()));
                synchronized (accepted) {
                    accepted.addAll(a.events());
                    accepted.notifyAll();
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            endpoint.start();
            for (int i = 1; i <= 5; i++) {
                dovecot.seed("alice", "INBOX", "Doomed " + i, "Text.");
            }
            try (ImapLines imap = new ImapLines(dovecot.imapPort())) {
                imap.command("LOGIN alice " + DovecotInstance.PASSWORD);
                imap.command("SELECT INBOX");
                if (listFirst) {
                    imap.command("UID FETCH 1:* (FLAGS ENVELOPE)");
                    // a person reads the list before deleting: the listing's post has arrived and been looked up
                    awaitKnown(namer, 5);
                }
                for (int uid = 1; uid <= 5; uid++) {
                    imap.command("UID STORE " + uid + " +FLAGS (\\Deleted)");
                    imap.command("UID EXPUNGE " + uid);
                }
                imap.command("LOGOUT");
            }
            Instant deadline = Instant.now().plusSeconds(20);
            synchronized (accepted) {
                while (hardDeletes(accepted).size() < 5 && Instant.now().isBefore(deadline)) {
                    accepted.wait(1000);
                }
            }
            List<AuditEvent> seen;
            synchronized (accepted) { // the endpoint's thread may still be adding the session's later posts
                seen = List.copyOf(accepted);
            }
            List<MailboxAccess> deletes = hardDeletes(seen);
            long named = deletes.stream()
                    .filter(d -> d.items().getFirst().internetMessageId() != null)
                    .count();
            Files.writeString(
                    Path.of("target", "immediate-delete" + (listFirst ? "-after-listing" : "") + ".txt"),
                    "HardDelete events: " + deletes.size() + ", named: " + named + ", SoftDelete named: "
                            + seen.stream()
                                    .filter(e -> e instanceof MailboxAccess a
                                            && a.operation() == MailboxAction.SOFT_DELETE
                                            && a.items().getFirst().internetMessageId() != null)
                                    .count()
                            + "\n");
            return deletes;
        } finally {
            endpoint.stop(0);
        }
    }

    private static void awaitKnown(LookupItemNamer namer, long uid) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (namer.known("alice", "INBOX", uid).isEmpty()) {
            assertThat(Instant.now())
                    .as("the listing was not looked up within 20 s")
                    .isBefore(deadline);
            Thread.sleep(20); // polling a real server's answer, not a timing assumption
        }
    }

    private static List<MailboxAccess> hardDeletes(List<AuditEvent> events) {
        return events.stream()
                .filter(e -> e instanceof MailboxAccess a && a.operation() == MailboxAction.HARD_DELETE)
                .map(MailboxAccess.class::cast)
                .toList();
    }
}
