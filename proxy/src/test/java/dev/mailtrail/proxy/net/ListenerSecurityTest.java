package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.PlaintextAuth;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.TlsFiles;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.TrustedNetworks;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.dovecot.TestCertificate;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client side (implicit TLS, STARTTLS, STLS, the PROXY protocol, the plaintext-login policy) and the server side
 * (implicit TLS and STARTTLS with certificate verification, a server that is down) against a Dovecot that speaks TLS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListenerSecurityTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    DovecotInstance dovecot;
    TestCertificate cert;
    final RecordingAuditSink sink = new RecordingAuditSink();
    ProxyServer proxy;

    @BeforeAll
    void start() throws Exception {
        cert = TestCertificate.create(Files.createDirectories(dir.resolve("tls")));
        dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")), cert);
        UpstreamConfig plainImap = UpstreamConfig.plain("127.0.0.1", dovecot.imapPort());
        List<ListenerConfig> listeners = List.of(
                ListenerConfig.loopback("imaps", MailProtocol.IMAP, 0, TlsMode.IMPLICIT),
                ListenerConfig.loopback("imap-starttls", MailProtocol.IMAP, 0, TlsMode.STARTTLS),
                ListenerConfig.loopback("pop3s", MailProtocol.POP3, 0, TlsMode.IMPLICIT),
                ListenerConfig.loopback("pop3-stls", MailProtocol.POP3, 0, TlsMode.STARTTLS),
                new ListenerConfig(
                        "imap-lb",
                        MailProtocol.IMAP,
                        "127.0.0.1",
                        0,
                        TlsMode.STARTTLS,
                        true,
                        PlaintextAuth.SECURE_ONLY,
                        TrustedNetworks.parse("127.0.0.1/32")),
                new ListenerConfig(
                                "pop3-lb",
                                MailProtocol.POP3,
                                "127.0.0.1",
                                0,
                                TlsMode.NONE,
                                true,
                                PlaintextAuth.SECURE_ONLY)
                        .trusting(TrustedNetworks.parse("127.0.0.1/32")),
                new ListenerConfig(
                                "imap-lb-allow",
                                MailProtocol.IMAP,
                                "127.0.0.1",
                                0,
                                TlsMode.NONE,
                                true,
                                PlaintextAuth.ALLOW)
                        .trusting(TrustedNetworks.parse("127.0.0.1/32")));
        proxy = ProxyServer.start(
                config(listeners, plainImap, UpstreamConfig.plain("127.0.0.1", dovecot.pop3Port())), sink);
    }

    private ProxyConfig config(List<ListenerConfig> listeners, UpstreamConfig imap, UpstreamConfig pop3) {
        java.util.Map<MailProtocol, UpstreamConfig> upstreams = new java.util.EnumMap<>(MailProtocol.class);
        if (imap != null) {
            upstreams.put(MailProtocol.IMAP, imap);
        }
        if (pop3 != null) {
            upstreams.put(MailProtocol.POP3, pop3);
        }
        return ProxyConfig.of(listeners, new TlsFiles(cert.certificate(), cert.key()), upstreams);
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    private String python(String script) throws Exception {
        Path file = dir.resolve("s" + System.nanoTime() + ".py");
        Files.writeString(file, script);
        return ProxyHarness.run(dir, null, "python3", file.toString());
    }

    @Test
    void imapsAndPop3sListenersSpeakTlsWithTheConfiguredCertificate() throws Exception {
        String out = python("""
                import imaplib, poplib, ssl
                ctx = ssl.create_default_context(cafile='%s')
                m = imaplib.IMAP4_SSL('localhost', %d, ssl_context=ctx)
                print(m.sock.version())
                m.login('alice', 'Secret123')
                m.logout()
                p = poplib.POP3_SSL('localhost', %d, context=ctx)
                p.user('alice'); p.pass_('Secret123'); p.quit()
                print('ok')
                """.formatted(
                        cert.certificate(),
                        proxy.address("imaps").getPort(),
                        proxy.address("pop3s").getPort()));
        assertThat(out).containsPattern("TLSv1\\.[23]").contains("ok");
    }

    @Test
    void starttlsIsTheProxysOwnAndCapabilitiesFollowTheListener() throws Exception {
        String out = python(
                """
                import imaplib, ssl
                ctx = ssl.create_default_context(cafile='%s')
                m = imaplib.IMAP4('localhost', %d)
                print('before', m.capabilities)
                m.starttls(ssl_context=ctx)
                typ, caps = m.capability()
                print('after', caps)
                m.login('alice', 'Secret123')
                m.logout()
                """.formatted(cert.certificate(), proxy.address("imap-starttls").getPort()));
        String before =
                out.lines().filter(l -> l.startsWith("before")).findFirst().orElseThrow();
        String after =
                out.lines().filter(l -> l.startsWith("after")).findFirst().orElseThrow();
        assertThat(before).contains("'STARTTLS'").doesNotContain("COMPRESS");
        assertThat(after)
                .doesNotContain("STARTTLS")
                .doesNotContain("LOGINDISABLED")
                .doesNotContain("COMPRESS");
    }

    @Test
    void stlsIsTheProxysOwnAndCapaFollowsTheListener() throws Exception {
        String out = python(
                """
                import poplib, ssl
                ctx = ssl.create_default_context(cafile='%s')
                p = poplib.POP3('localhost', %d)
                print('before', sorted(p.capa().keys()))
                p.stls(context=ctx)
                print('after', sorted(p.capa().keys()))
                p.user('alice'); p.pass_('Secret123'); print('stat', p.stat()); p.quit()
                """.formatted(cert.certificate(), proxy.address("pop3-stls").getPort()));
        String before =
                out.lines().filter(l -> l.startsWith("before")).findFirst().orElseThrow();
        String after =
                out.lines().filter(l -> l.startsWith("after")).findFirst().orElseThrow();
        assertThat(before).contains("'STLS'");
        assertThat(after).doesNotContain("STLS").contains("'USER'");
        assertThat(out).contains("stat (");
    }

    @Test
    void aClientNamedByPROXYv1FromAfarIsRefusedPlaintextLoginsAsDovecotDoes() throws Exception {
        try (LineClient c = new LineClient(proxy.address("imap-lb").getPort())) {
            c.send("PROXY TCP4 203.0.113.7 127.0.0.1 50000 143");
            String greeting = c.line();
            assertThat(greeting).contains("STARTTLS").contains("LOGINDISABLED").doesNotContain("AUTH=PLAIN");
            c.send("a LOGIN carol Secret123");
            assertThat(c.line())
                    .isEqualTo("a NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS)"
                            + " connections.");
            c.send("b AUTHENTICATE PLAIN AGNhcm9sAFNlY3JldDEyMw==");
            assertThat(c.line()).startsWith("b NO [PRIVACYREQUIRED]");
            c.send("c LOGIN {5}");
            assertThat(c.line()).startsWith("c NO [PRIVACYREQUIRED]");
            c.send("d NOOP");
            assertThat(c.until("d ")).contains("d OK");
        }
        try (LineClient c = new LineClient(proxy.address("pop3-lb").getPort())) {
            c.send("PROXY TCP4 203.0.113.7 127.0.0.1 50000 110");
            assertThat(c.line()).startsWith("+OK");
            c.send("USER carol");
            assertThat(c.line())
                    .isEqualTo("-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.");
            c.send("QUIT");
            assertThat(c.line()).startsWith("+OK");
        }
    }

    @Test
    void aPROXYv2HeaderGivesTheRealClientAddressToTheRecords() throws Exception {
        try (LineClient c = new LineClient(proxy.address("imap-lb-allow").getPort())) {
            c.send(LineClient.proxyV2(new byte[] {(byte) 198, 51, 100, 23}, 40000, new byte[] {127, 0, 0, 1}, 143));
            assertThat(c.line()).startsWith("* OK");
            c.send("a LOGIN bob Secret123");
            assertThat(c.until("a ")).contains("a OK");
            c.send("b LOGOUT");
            c.until("b ");
        }
        List<MailboxAccess> events = sink.await(
                es -> es.stream()
                        .anyMatch(e -> e.operation() == MailboxAction.MAILBOX_LOGIN
                                && "198.51.100.23".equals(e.session().clientIp())),
                WAIT);
        assertThat(events).anyMatch(e -> e.actor().equals("bob"));
        String sessionId = events.stream()
                .filter(e -> "198.51.100.23".equals(e.session().clientIp()))
                .findFirst()
                .orElseThrow()
                .session()
                .id();
        assertThat(dovecot.log())
                .as("Dovecot's log names the real client and the proxy's SessionId")
                .containsPattern("Login: user=<bob>.*rip=198\\.51\\.100\\.23.*session=<" + sessionId + ">");
    }

    @Test
    void theUpstreamOverImplicitTlsAndStarttlsIsVerifiedAgainstTheConfiguredTrust() throws Exception {
        UpstreamConfig imaps = new UpstreamConfig(
                "localhost",
                dovecot.imapsPort(),
                TlsMode.IMPLICIT,
                true,
                cert.certificate(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
        UpstreamConfig pop3Starttls = new UpstreamConfig(
                "localhost",
                dovecot.pop3Port(),
                TlsMode.STARTTLS,
                true,
                cert.certificate(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
        ListenerConfig imap = ListenerConfig.loopback("imap", MailProtocol.IMAP, 0, TlsMode.NONE);
        ListenerConfig pop3 = ListenerConfig.loopback("pop3", MailProtocol.POP3, 0, TlsMode.NONE);
        try (ProxyServer p = ProxyServer.start(config(List.of(imap, pop3), imaps, pop3Starttls), sink)) {
            String out = python(
                    """
                    import imaplib, poplib
                    m = imaplib.IMAP4('127.0.0.1', %d)
                    m.login('alice', 'Secret123'); m.logout()
                    p = poplib.POP3('127.0.0.1', %d)
                    p.user('alice'); p.pass_('Secret123'); print(p.stat()); p.quit()
                    print('ok')
                    """.formatted(p.address("imap").getPort(), p.address("pop3").getPort()));
            assertThat(out).contains("ok");
        }
        UpstreamConfig untrusted = new UpstreamConfig(
                "localhost",
                dovecot.imapsPort(),
                TlsMode.IMPLICIT,
                true,
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
        List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger proxyLog = java.util.logging.Logger.getLogger("dev.mailtrail.proxy");
        proxyLog.addHandler(capture);
        try (ProxyServer p = ProxyServer.start(config(List.of(imap), untrusted, null), sink);
                LineClient c = new LineClient(p.address("imap").getPort())) {
            assertThat(c.line()).startsWith("* BYE [UNAVAILABLE]");
        } finally {
            proxyLog.removeHandler(capture);
        }
        // an administrator must see why every login fails, without turning on DEBUG
        assertThat(logged).anySatisfy(r -> {
            assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
            assertThat(new java.util.logging.SimpleFormatter().formatMessage(r))
                    .contains("TLS with the mail server localhost:" + dovecot.imapsPort() + " failed");
        });
    }

    @Test
    void aMailServerThatIsDownGetsTheClientAClearByeOrErr() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ListenerConfig imap = ListenerConfig.loopback("imap", MailProtocol.IMAP, 0, TlsMode.NONE);
        ListenerConfig pop3 = ListenerConfig.loopback("pop3", MailProtocol.POP3, 0, TlsMode.NONE);
        UpstreamConfig down = UpstreamConfig.plain("127.0.0.1", closed);
        try (ProxyServer p = ProxyServer.start(config(List.of(imap, pop3), down, down), sink)) {
            try (LineClient c = new LineClient(p.address("imap").getPort())) {
                assertThat(c.line()).isEqualTo("* BYE [UNAVAILABLE] Mail server unavailable, try again later.");
                assertThat(c.line()).isNull();
            }
            try (LineClient c = new LineClient(p.address("pop3").getPort())) {
                assertThat(c.line()).isEqualTo("-ERR [SYS/TEMP] Mail server unavailable, try again later.");
            }
        }
    }

    @Test
    void aMailServerThatNeverGreetsOrStopsAnsweringGetsTheClientABye() throws Exception {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> {
                try {
                    Socket never = silent.accept(); // accepts and never greets
                    Socket greets = silent.accept();
                    greets.getOutputStream().write("* OK ready\r\n".getBytes(StandardCharsets.US_ASCII));
                    greets.getInputStream().read(); // then never answers
                    done.await();
                    never.close();
                    greets.close();
                } catch (IOException | InterruptedException e) {
                    // the test has ended
                }
            });
            UpstreamConfig hung = new UpstreamConfig(
                    "127.0.0.1",
                    silent.getLocalPort(),
                    TlsMode.NONE,
                    true,
                    null,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1));
            ListenerConfig imap = ListenerConfig.loopback("imap", MailProtocol.IMAP, 0, TlsMode.NONE);
            try (ProxyServer p = ProxyServer.start(config(List.of(imap), hung, null), sink)) {
                try (LineClient c = new LineClient(p.address("imap").getPort())) {
                    assertThat(c.line())
                            .isEqualTo("* BYE [UNAVAILABLE] Mail server did not greet in time, try again later.");
                }
                try (LineClient c = new LineClient(p.address("imap").getPort())) {
                    assertThat(c.line()).isEqualTo("* OK ready");
                    c.send("a NOOP");
                    assertThat(c.line()).isEqualTo("* BYE [UNAVAILABLE] Mail server did not answer in time.");
                }
            }
            done.countDown();
            server.join();
        }
    }

    @Test
    void inStrictModeAFetchResponseTheProxyCannotReadIsWithheld() throws Exception {
        try (ServerSocket garbling = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> {
                try (Socket s = garbling.accept()) {
                    var in = new java.io.BufferedReader(
                            new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    var out = s.getOutputStream();
                    out.write("* OK ready\r\n".getBytes(StandardCharsets.US_ASCII));
                    in.readLine();
                    out.write("a OK Logged in\r\n".getBytes(StandardCharsets.US_ASCII));
                    in.readLine();
                    out.write("* 1 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\ns OK [READ-WRITE] Select completed\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    in.readLine();
                    // a FETCH whose line ends in a bare LF: not IMAP, and not for the proxy to guess at
                    out.write("* 1 FETCH (UID 1 BODY[] {14}\r\nsecret minutes)\nf OK done\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    in.readLine();
                } catch (IOException e) {
                    // the proxy hung up, as it should
                }
            });
            UpstreamConfig odd = UpstreamConfig.plain("127.0.0.1", garbling.getLocalPort());
            ListenerConfig imap = ListenerConfig.loopback("imap", MailProtocol.IMAP, 0, TlsMode.NONE);
            try (ProxyServer p = ProxyServer.start(config(List.of(imap), odd, null), sink);
                    LineClient c = new LineClient(p.address("imap").getPort())) {
                c.line();
                c.send("a LOGIN alice Secret123");
                c.until("a ");
                c.send("s SELECT INBOX");
                c.until("s ");
                c.send("f FETCH 1 (BODY[])");
                String rest = c.rest();
                assertThat(rest)
                        .doesNotContain("secret minutes")
                        .startsWith("* BYE [UNAVAILABLE] Unreadable response from the mail server withheld");
            }
            server.join();
        }
    }
}
