package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.PlaintextAuth;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.TrustedNetworks;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end user behind a webmail front end or a load balancer, against a real Dovecot: a peer in {@code
 * trusted-networks} (127.0.0.1/32) names the user with IMAP {@code ID x-originating-ip} or a PROXY header, and the
 * records, the proxy's log and Dovecot's log carry that address; the same claims from 127.0.0.2 are ignored (ID) or
 * end the connection (PROXY), each logged in one line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedClientAddressTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final TrustedNetworks ONLY_127_0_0_1 = TrustedNetworks.parse("127.0.0.1/32");

    @TempDir
    static Path dir;

    DovecotInstance dovecot;
    final RecordingAuditSink sink = new RecordingAuditSink();
    ProxyServer proxy;
    final List<String> log = new CopyOnWriteArrayList<>();
    final Logger proxyLog = Logger.getLogger("dev.mailtrail.proxy");
    final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            log.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeAll
    void start() throws Exception {
        proxyLog.addHandler(capture);
        dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")));
        List<ListenerConfig> listeners = List.of(
                new ListenerConfig("imap", MailProtocol.IMAP, "127.0.0.1", 0, TlsMode.NONE, false, PlaintextAuth.ALLOW)
                        .trusting(ONLY_127_0_0_1),
                new ListenerConfig(
                                "imap-lb", MailProtocol.IMAP, "127.0.0.1", 0, TlsMode.NONE, true, PlaintextAuth.ALLOW)
                        .trusting(ONLY_127_0_0_1));
        proxy = ProxyServer.start(
                ProxyConfig.of(
                        listeners,
                        null,
                        java.util.Map.of(MailProtocol.IMAP, UpstreamConfig.plain("127.0.0.1", dovecot.imapPort()))),
                sink);
    }

    @AfterAll
    void stop() {
        proxyLog.removeHandler(capture);
        if (proxy != null) {
            proxy.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    /** imaplib from a chosen loopback source address: ID (with the given fields), LOGIN, SELECT, LOGOUT. */
    private String session(String from, String user, String idFields) throws Exception {
        Path file = dir.resolve("s" + System.nanoTime() + ".py");
        Files.writeString(file, """
                import imaplib, socket
                class From(imaplib.IMAP4):
                    def _create_socket(self, timeout):
                        return socket.create_connection((self.host, self.port), timeout, source_address=('%s', 0))
                m = From('127.0.0.1', %d)
                if %s:
                    typ, data = m.xatom('ID', '(%s)')
                    print('id', typ)
                m.login('%s', 'Secret123')
                m.select('INBOX')
                m.logout()
                print('done')
                """.formatted(
                        from, proxy.address("imap").getPort(), idFields.isEmpty() ? "False" : "True", idFields, user));
        return ProxyHarness.run(dir, null, "python3", file.toString());
    }

    private MailboxAccess login(String user) throws InterruptedException {
        return sink
                .await(
                        es -> es.stream()
                                .anyMatch(e -> e.operation() == MailboxAction.MAILBOX_LOGIN
                                        && e.actor().equals(user)),
                        WAIT)
                .stream()
                .filter(e -> e.operation() == MailboxAction.MAILBOX_LOGIN
                        && e.actor().equals(user))
                .findFirst()
                .orElseThrow();
    }

    private void awaitLog(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (log.stream().noneMatch(l -> l.contains(fragment)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(log).as("proxy log").anySatisfy(l -> assertThat(l).contains(fragment));
    }

    /** What arrives before the connection ends, by a close or a reset (unread input makes Linux reset). */
    private static String untilClosed(InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        try {
            in.transferTo(got);
        } catch (java.net.SocketException reset) {
            // closed with our LOGIN unread: the end all the same
        }
        return got.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void aTrustedWebmailHostNamesTheEndUserForTheRecordsAndForDovecot() throws Exception {
        String out = session(
                "127.0.0.1",
                "alice",
                "\"name\" \"Roundcube Webmail\" \"version\" \"1.6\" \"x-originating-ip\" \"203.0.113.50\""
                        + " \"x-originating-port\" \"41414\"");
        assertThat(out).contains("id OK").contains("done");
        MailboxAccess login = login("alice");
        assertThat(login.session().clientIp()).isEqualTo("203.0.113.50");
        assertThat(login.session().clientInfo()).contains("name=Roundcube Webmail");
        String id = login.session().id();
        awaitLog("session " + id + ": IMAP connection from 203.0.113.50:41414 closed after");
        assertThat(log).anySatisfy(l -> assertThat(l)
                .isEqualTo("session " + id + ": IMAP client 203.0.113.50:41414 named by trusted peer 127.0.0.1"
                        + " (ID x-originating-ip)"));
        assertThat(dovecot.log())
                .as("Dovecot gets the end user's address and the proxy's SessionId in one ID")
                .containsPattern("Login: user=<alice>.*rip=203\\.0\\.113\\.50.*session=<" + id + ">");
    }

    @Test
    void aTrustedHostThatSendsNoIdIsItselfTheClientAndDovecotStillLearnsTheSession() throws Exception {
        assertThat(session("127.0.0.1", "carol", "")).contains("done");
        MailboxAccess login = login("carol");
        assertThat(login.session().clientIp()).isEqualTo("127.0.0.1");
        assertThat(dovecot.log())
                .as("the proxy's own ID goes just before the login, whose answer still reaches the client")
                .containsPattern("Login: user=<carol>.*rip=127\\.0\\.0\\.1.*session=<"
                        + login.session().id() + ">");
    }

    @Test
    void answersToCommandsPipelinedBeforeTheLoginReachTheTrustedClientAroundTheProxysOwnId() throws Exception {
        try (LineClient c = new LineClient(proxy.address("imap").getPort())) {
            assertThat(c.line()).startsWith("* OK");
            c.send("a CAPABILITY\r\nb NOOP\r\nc LOGIN carol Secret123\r\nd ID (\"name\" \"late\")\r\ne LOGOUT");
            String all = c.until("e ");
            assertThat(all)
                    .contains("* CAPABILITY IMAP4rev1", "a OK", "b OK", "c OK", "d OK", "e OK")
                    .doesNotContain("MT1");
            assertThat(all.lines().filter(l -> l.startsWith("* ID ")).count())
                    .as("only the answer to the client's own ID")
                    .isEqualTo(1);
        }
    }

    @Test
    void anUntrustedHostsClaimIsIgnoredAndLogged() throws Exception {
        String out = session("127.0.0.2", "bob", "\"name\" \"forger\" \"x-originating-ip\" \"198.51.100.66\"");
        assertThat(out).contains("id OK").contains("done");
        MailboxAccess login = login("bob");
        assertThat(login.session().clientIp()).isEqualTo("127.0.0.2");
        String id = login.session().id();
        awaitLog("session " + id + ": IMAP ID x-originating-ip \"198.51.100.66\" from 127.0.0.2 ignored: the peer is"
                + " not in trusted-networks");
        assertThat(dovecot.log())
                .as("Dovecot is told the real peer, not the forged address")
                .containsPattern("Login: user=<bob>.*rip=127\\.0\\.0\\.2.*session=<" + id + ">")
                .doesNotContain("198.51.100.66");
    }

    @Test
    void aPROXYHeaderFromATrustedBalancerNamesTheClient() throws Exception {
        try (LineClient c = new LineClient(proxy.address("imap-lb").getPort())) {
            c.send("PROXY TCP4 192.0.2.44 127.0.0.1 50123 143");
            assertThat(c.line()).startsWith("* OK");
            c.send("a LOGIN alice Secret123");
            assertThat(c.until("a ")).contains("a OK");
            c.send("b LOGOUT");
            c.until("b ");
        }
        List<MailboxAccess> events = sink.await(
                es -> es.stream().anyMatch(e -> "192.0.2.44".equals(e.session().clientIp())), WAIT);
        assertThat(events)
                .anyMatch(e -> e.operation() == MailboxAction.MAILBOX_LOGIN
                        && "192.0.2.44".equals(e.session().clientIp()));
    }

    @Test
    void aPROXYHeaderFromAnUntrustedPeerEndsTheConnection() throws Exception {
        byte[] v1 = "PROXY TCP4 127.0.0.1 127.0.0.1 50000 143\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] v2 = LineClient.proxyV2(new byte[] {10, 9, 8, 7}, 40000, new byte[] {127, 0, 0, 1}, 143);
        for (byte[] header : List.of(v1, v2)) {
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
                s.connect(proxy.address("imap-lb"));
                s.setSoTimeout(20_000);
                OutputStream out = s.getOutputStream();
                out.write(header);
                out.write("a LOGIN alice Secret123\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(untilClosed(s.getInputStream()))
                        .as("no greeting, only the end of the connection")
                        .isEmpty();
            }
        }
        awaitLog("PROXY protocol header naming 127.0.0.1 from 127.0.0.2 refused, connection closed: the peer is not"
                + " in trusted-networks");
        awaitLog("PROXY protocol header naming 10.9.8.7 from 127.0.0.2 refused");
        assertThat(sink.events()).noneMatch(e -> "10.9.8.7".equals(e.session().clientIp()));
    }
}
