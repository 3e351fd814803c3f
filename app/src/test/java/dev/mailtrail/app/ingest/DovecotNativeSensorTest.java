package dev.mailtrail.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mailtrail.app.api.MailTrailApi;
import dev.mailtrail.app.api.access.AccessFile;
import dev.mailtrail.app.api.access.AccessList;
import dev.mailtrail.app.api.access.ApiToken;
import dev.mailtrail.app.api.access.ManagementScope;
import dev.mailtrail.app.api.access.Role;
import dev.mailtrail.app.api.status.MetricsEndpoint;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.MtProcess.Result;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.demo.tls.DemoCertificate;
import dev.mailtrail.proxy.config.LookupAccount;
import dev.mailtrail.proxy.config.TlsFiles;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.lookup.LookupIdentityResolver;
import dev.mailtrail.sensor.dovecot.DovecotSensor;
import dev.mailtrail.sensor.dovecot.map.MappingRules;
import dev.mailtrail.sensor.dovecot.name.LookupItemNamer;
import dev.mailtrail.store.log.RecordQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native sensor end to end with a real Dovecot and no proxy: a client reads and deletes through Dovecot itself,
 * Dovecot's event exporter posts the events, the sensor maps them and names the messages with the lookup account,
 * and the records in the data directory name the message by Message-ID and subject.
 */
class DovecotNativeSensorTest {

    @TempDir
    Path dir;

    @Test
    void aReadAndADeleteThroughDovecotBecomeRecordsNamingTheMessage() throws Exception {
        Path data = dir.resolve("data");
        List<String> posted = new ArrayList<>();
        List<AuditEvent> accepted = new ArrayList<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        try (DovecotInstance dovecot = DovecotInstance.start(
                        Files.createDirectories(dir.resolve("dovecot")), null, exporter(endpoint));
                LookupIdentityResolver lookup = lookup(dovecot);
                AuditPipeline pipeline =
                        AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "test", System.err)) {
            String wire = dovecot.seed("alice", "INBOX", "Q3 wire", "Please wire the money.");
            String lunch = dovecot.seed("alice", "INBOX", "Lunch", "Noon?");
            DovecotSensor sensor = new DovecotSensor(MappingRules.DEFAULTS, new LookupItemNamer(lookup));
            // what the API's POST /api/v1/sensors/dovecot does: accept the body, append what it gives, answer
            endpoint.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                try {
                    DovecotSensor.Accepted a = sensor.accept(new java.io.ByteArrayInputStream(body));
                    pipeline.submitAll(a.events()).get();
                    synchronized (accepted) {
                        posted.add(new String(body, StandardCharsets.UTF_8));
                        accepted.addAll(a.events());
                        accepted.notifyAll();
                    }
                    exchange.sendResponseHeaders(a.rejects().isEmpty() ? 204 : 400, -1);
                } catch (Exception e) {
                    exchange.sendResponseHeaders(500, -1);
                }
                exchange.close();
            });
            endpoint.start();

            try (Imap imap = new Imap(dovecot.imapPort())) {
                imap.command("ID (\"name\" \"mutt\" \"x-originating-ip\" \"203.0.113.7\")");
                imap.command("LOGIN alice " + DovecotInstance.PASSWORD);
                imap.command("SELECT INBOX");
                imap.command("UID FETCH 1 (BODY[])");
                imap.command("UID FETCH 2 (BODY.PEEK[TEXT])");
                // the delete goes after the read was named: a message deleted at once can only be named from the
                // lookup's cache (docs/dovecot-native-sensor.md)
                for (String read : List.of(wire, lunch)) {
                    await(
                            accepted,
                            e -> e instanceof MailboxAccess a
                                    && a.items().stream().anyMatch(i -> read.equals(i.internetMessageId())));
                }
                imap.command("UID STORE 1 +FLAGS (\\Deleted)");
                imap.command("EXPUNGE");
                imap.command("LOGOUT");
            }
            await(
                    accepted,
                    e -> e instanceof MailboxAccess a
                            && a.operation().exchangeName().equals("HardDelete"));
            pipeline.submitAll(sensor.flush()).get();
            Files.write(dir.resolve("posted.jsonl"), posted);

            assertThat(accepted)
                    .filteredOn(e -> e instanceof MailboxAccess a
                            && a.operation().exchangeName().equals("HardDelete"))
                    .singleElement()
                    .satisfies(e -> assertThat(
                                    ((MailboxAccess) e).items().getFirst().internetMessageId())
                            .isEqualTo(wire));
            pipeline.close();

            Result read = MtProcess.run(
                    data, "Search-MailboxAuditLog", "-Identity", "alice", "-ShowDetails", "-Format", "Jsonl");
            assertThat(read.out())
                    .contains("MailItemsAccessed")
                    .contains(wire)
                    .contains("Q3 wire")
                    .contains(lunch)
                    .contains("203.0.113.7")
                    .contains("HardDelete");
        } finally {
            endpoint.stop(0);
        }
    }

    @Test
    void mtIngestOfCapturedEventsNamesWhatTheServerStillHas() throws Exception {
        Path data = dir.resolve("data");
        List<String> posted = new ArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        collector.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (posted) {
                posted.add(body);
                posted.notifyAll();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        collector.start();
        try (DovecotInstance dovecot =
                DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")), null, exporter(collector))) {
            String lunch = dovecot.seed("alice", "INBOX", "Lunch", "Noon?");
            try (Imap imap = new Imap(dovecot.imapPort())) {
                imap.command("LOGIN alice " + DovecotInstance.PASSWORD);
                imap.command("SELECT INBOX");
                imap.command("UID FETCH 1 (BODY[])");
                imap.command("LOGOUT");
            }
            await(posted, b -> b.contains("mail_user_session_finished") && b.contains("\"alice\""));
            Path events = dir.resolve("events.jsonl");
            synchronized (posted) {
                Files.write(events, posted);
            }
            Path password = dir.resolve("lookup-password");
            Files.writeString(password, DovecotInstance.MASTER_PASSWORD + "\n");

            Result ingest = MtProcess.run(
                    data,
                    "ingest",
                    "--format",
                    "dovecot",
                    "--lookup",
                    "127.0.0.1:" + dovecot.imapPort(),
                    "--lookup-user",
                    DovecotInstance.MASTER,
                    "--lookup-password-file",
                    password.toString(),
                    events.toString());
            assertThat(ingest.exit()).as(ingest.err()).isZero();
            assertThat(ingest.err()).contains("Dovecot events mapped {MailItemsAccessed=1, MailboxLogin=1}");

            Result read = MtProcess.run(data, "Search-MailboxAuditLog", "-Identity", "alice", "-ShowDetails");
            assertThat(read.out()).contains("MailItemsAccessed").contains(lunch).contains("Lunch");
        } finally {
            collector.stop(0);
        }
    }

    /**
     * The whole native path as an administrator sets it up: Dovecot's exporter posts over HTTPS to MailTrail's API
     * ({@code POST /api/v1/sensors/dovecot}, the sensor token as the URL's password, MailTrail's certificate as
     * Dovecot's {@code ssl_client_ca_file}); a read and a delete straight through Dovecot become records naming the
     * message.
     */
    @Test
    void dovecotPostsToTheApiOverHttpsAndTheReadIsRecordedByName() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        DemoCertificate certificate = DemoCertificate.loadOrCreate(dir.resolve("tls"), Clock.systemUTC());
        // Dovecot's stats process, which posts, runs as an unprivileged user: the CA file must be readable to it
        Path dovecotDir = Files.createDirectories(dir.resolve("dovecot"));
        Path ca = Files.copy(certificate.certificate(), dovecotDir.resolve("mailtrail-ca.pem"));
        Files.setPosixFilePermissions(ca, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        ApiToken.Issued sensor =
                ApiToken.issue("dovecot", Set.of(Role.SENSOR), ManagementScope.ORGANIZATION, new SecureRandom());
        new AccessFile(data).write(AccessList.EMPTY.with(sensor.token()));
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String exporter = """
                ssl_client_ca_file = %s
                event_exporter mailtrail {
                  format = json
                  format_args = time-rfc3339
                  transport = http-post
                  transport_args = https://dovecot:%s@127.0.0.1:%d/api/v1/sensors/dovecot
                  transport_timeout = 2secs
                }
                metric mailtrail {
                  exporter = mailtrail
                  filter = event=mail_opened OR event=mail_expunged OR event=imap_command_finished OR event=auth_request_finished OR event=mail_user_session_finished
                }
                """.formatted(ca, sensor.bearer(), port);
        try (DovecotInstance dovecot = DovecotInstance.start(dovecotDir, null, exporter)) {
            String wire = dovecot.seed("alice", "INBOX", "Q3 wire", "Please wire the money.");
            try (AuditPipeline pipeline = AuditPipeline.open(
                            data, Clock.systemUTC(), PipelineOptions.defaults(), "test", System.err);
                    MailTrailApi api = MailTrailApi.start(
                            new InetSocketAddress("127.0.0.1", port),
                            new TlsFiles(certificate.certificate(), certificate.privateKey()),
                            pipeline,
                            Clock.systemUTC(),
                            MetricsEndpoint.MINIMAL,
                            LookupItemNamer.connect(upstream(dovecot)))) {
                long before = pipeline.journaledSequence();
                try (Imap imap = new Imap(dovecot.imapPort())) {
                    imap.command("ID (\"name\" \"mutt\" \"x-originating-ip\" \"203.0.113.7\")");
                    imap.command("LOGIN alice " + DovecotInstance.PASSWORD);
                    imap.command("SELECT INBOX");
                    imap.command("UID FETCH 1 (BODY[])");
                    // the login and the read journaled: the read named, the delete can be named from the cache
                    try {
                        awaitTrue(() -> pipeline.journaledSequence() >= before + 2, "the login and the read posted");
                    } catch (AssertionError e) {
                        throw new AssertionError(e.getMessage() + "; Dovecot's log: " + dovecot.log(), e);
                    }
                    imap.command("UID STORE 1 +FLAGS (\\Deleted)");
                    imap.command("EXPUNGE");
                    imap.command("LOGOUT");
                }
                RecordQuery deletes = RecordQuery.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                        .withOperations(Set.of("HardDelete"));
                awaitTrue(
                        () -> {
                            try {
                                pipeline.commit();
                                return pipeline.mailboxLog().count(deletes) > 0;
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        },
                        "the delete posted and stored");
            }
            Result read = MtProcess.run(
                    data, "Search-MailboxAuditLog", "-Identity", "alice", "-ShowDetails", "-Format", "Jsonl");
            assertThat(read.out())
                    .contains("MailItemsAccessed")
                    .contains(wire)
                    .contains("Q3 wire")
                    .contains("203.0.113.7")
                    .contains("HardDelete");
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(100); // polling what a real Dovecot posts after the fact
        }
    }

    private static String exporter(HttpServer endpoint) {
        return """
                event_exporter mailtrail {
                  format = json
                  format_args = time-rfc3339
                  transport = http-post
                  transport_args = http://127.0.0.1:%d/api/v1/sensors/dovecot
                  transport_timeout = 2secs
                }
                metric mailtrail {
                  exporter = mailtrail
                  filter = event=mail_opened OR event=mail_expunged OR event=imap_command_finished OR event=auth_request_finished OR event=mail_user_session_finished
                }
                """.formatted(endpoint.getAddress().getPort());
    }

    private static LookupIdentityResolver lookup(DovecotInstance dovecot) {
        return new LookupIdentityResolver(upstream(dovecot), null, 1000);
    }

    /** Dovecot as the IMAP upstream, with its master user as the lookup account. */
    private static UpstreamConfig upstream(DovecotInstance dovecot) {
        return new UpstreamConfig(
                        "127.0.0.1",
                        dovecot.imapPort(),
                        TlsMode.NONE,
                        false,
                        null,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        false)
                .withLookup(new LookupAccount(
                        DovecotInstance.MASTER, DovecotInstance.MASTER_PASSWORD, Duration.ofSeconds(5)));
    }

    /** Waits for Dovecot's posts to bring what is expected: they come after the fact, from its stats process. */
    private static <T> void await(List<T> list, Predicate<T> expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        synchronized (list) {
            while (list.stream().noneMatch(expected)) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("not received within 20 s: " + list);
                }
                list.wait(left);
            }
        }
    }

    /** A bare IMAP client talking to Dovecot directly. */
    private static final class Imap implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;
        private int tags;

        Imap(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
            in.readLine();
        }

        void command(String text) throws IOException {
            String tag = "t" + (++tags);
            out.write((tag + " " + text + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(tag + " ")) {
                    if (!line.startsWith(tag + " OK")) {
                        throw new IOException(text + ": " + line);
                    }
                    return;
                }
            }
            throw new IOException("closed during " + text);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
