package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.config.ProxyLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flood of idle connections against the proxy with a real Dovecot behind it: the limits hold, refused clients
 * read their protocol's own reply, idle TLS connections cost no mail server connection, a real client still logs in
 * and reads with its record, and the login and handshake timeouts close what never logs in.
 */
class ConnectionLimitsTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aFloodOfIdleConnectionsIsBoundedPerAddressAndARealClientStillReadsWithItsRecord() throws Exception {
        ProxyLimits limits = ProxyLimits.DEFAULTS.withConnections(1_000, 40);
        try (ProxyHarness h =
                new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT, true, limits)) {
            h.dovecot.seed("alice", "INBOX", "Flood", "Read during the flood.");
            List<Socket> flood = new ArrayList<>();
            try {
                // 300 idle connections to the implicit-TLS listener from six addresses, no handshake, no byte
                for (int a = 2; a <= 7; a++) {
                    for (int i = 0; i < 50; i++) {
                        flood.add(connect("127.0.0." + a, h.port("imaps")));
                    }
                }
                awaitTrue(() -> h.proxy.connections("imaps") == 240, "240 connections held on imaps");
                assertThat(upstreamConnections(h.dovecot.imapPort()))
                        .as("mail server connections for clients that never completed a TLS handshake")
                        .isZero();

                // plain listener: the 41st connection from one address reads IMAP's own refusal
                List<LineClient> plain = new ArrayList<>();
                try {
                    for (int i = 0; i < 40; i++) {
                        LineClient c = new LineClient("127.0.0.20", h.port("imap"));
                        plain.add(c);
                        assertThat(c.line()).startsWith("* OK");
                    }
                    try (LineClient refused = new LineClient("127.0.0.20", h.port("imap"))) {
                        assertThat(refused.rest())
                                .isEqualTo("* BYE [UNAVAILABLE] Too many connections, try again later.\r\n");
                    }
                    try (LineClient refused = new LineClient("127.0.0.20", h.port("pop3"))) {
                        assertThat(refused.line()).startsWith("+OK");
                    }

                    // a real client from another address logs in and reads, and the read has its record
                    try (LineClient c = new LineClient("127.0.0.1", h.port("imap"))) {
                        assertThat(c.line()).startsWith("* OK");
                        c.send("a LOGIN alice Secret123");
                        assertThat(c.until("a ")).contains("a OK");
                        c.send("s SELECT INBOX");
                        c.until("s ");
                        c.send("f FETCH 1 (BODY.PEEK[])");
                        assertThat(c.until("f "))
                                .contains("Read during the flood.")
                                .contains("f OK");
                    }
                    h.sink.awaitAny(MailboxAction.MAIL_ITEMS_ACCESSED, WAIT);
                    assertThat(h.proxy.connections("imaps")).isEqualTo(240);
                } finally {
                    for (LineClient c : plain) {
                        c.close();
                    }
                }
            } finally {
                for (Socket s : flood) {
                    s.close();
                }
            }
            awaitTrue(() -> h.proxy.connections("imaps") == 0, "the flood's connections counted out");
        }
    }

    /**
     * A server that has not greeted yet (hung, throttled) holds each session before its login; clients that leave
     * meanwhile are let go at once, not at the login timeout, so that they hold no descriptors.
     */
    @Test
    void clientsThatLeaveBeforeTheServerGreetsAreLetGoAtOnce() throws Exception {
        try (ProxyHarness h = new ProxyHarness(
                Files.createDirectories(dir.resolve("h")), AuditMode.STRICT, true, ProxyLimits.DEFAULTS)) {
            h.dovecot.freeze(true);
            try {
                List<Socket> leaving = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    leaving.add(connect("127.0.0.1", h.port("imap")));
                }
                awaitTrue(() -> h.proxy.connections("imap") == 20, "20 sessions waiting for the server");
                for (Socket s : leaving) {
                    s.close();
                }
                awaitTrue(
                        () -> h.proxy.connections("imap") == 0,
                        "the sessions let go well before the login timeout of "
                                + ProxyLimits.DEFAULTS.loginTimeout().toSeconds() + " s");
            } finally {
                h.dovecot.freeze(false);
            }
            try (LineClient c = new LineClient(h.port("imap"))) {
                assertThat(c.line()).startsWith("* OK");
                c.send("a LOGIN alice Secret123");
                assertThat(c.until("a ")).contains("a OK");
            }
        }
    }

    @Test
    void theListenerLimitRefusesInEachProtocolsWordsAndIdleConnectionsAreClosedByTheTimeouts() throws Exception {
        ProxyLimits limits =
                ProxyLimits.DEFAULTS.withConnections(5, 50).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));
        try (ProxyHarness h =
                new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT, true, limits)) {
            List<LineClient> imap = new ArrayList<>();
            List<LineClient> pop3 = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    imap.add(new LineClient(h.port("imap")));
                    assertThat(imap.get(i).line()).startsWith("* OK");
                    pop3.add(new LineClient(h.port("pop3")));
                    assertThat(pop3.get(i).line()).startsWith("+OK");
                }
                try (LineClient refused = new LineClient(h.port("imap"))) {
                    assertThat(refused.rest())
                            .isEqualTo("* BYE [UNAVAILABLE] Too many connections, try again later.\r\n");
                }
                try (LineClient refused = new LineClient(h.port("pop3"))) {
                    assertThat(refused.rest()).isEqualTo("-ERR [SYS/TEMP] Too many connections, try again later.\r\n");
                }
                // none of them logs in: each is closed with Dovecot's words after the login timeout
                for (LineClient c : imap) {
                    assertThat(c.rest()).isEqualTo("* BYE Disconnected for inactivity.\r\n");
                }
                for (LineClient c : pop3) {
                    assertThat(c.rest()).isEqualTo("-ERR Disconnected for inactivity.\r\n");
                }
                awaitTrue(() -> h.proxy.connections("imap") == 0, "the timed-out connections counted out");
                // a client that logs in in time is not closed by the login timeout
                try (LineClient c = new LineClient(h.port("imap"))) {
                    c.line();
                    c.send("a LOGIN alice Secret123");
                    assertThat(c.until("a ")).contains("a OK");
                    awaitTrue(() -> false, Duration.ofSeconds(3), null); // past the login timeout
                    c.send("n NOOP");
                    assertThat(c.until("n ")).contains("n OK");
                }
            } finally {
                for (LineClient c : imap) {
                    c.close();
                }
                for (LineClient c : pop3) {
                    c.close();
                }
            }
            // a TLS client that never shakes hands is closed after the handshake timeout, with no server connection
            try (Socket s = connect("127.0.0.1", h.port("imaps"))) {
                s.setSoTimeout(20_000);
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
        }
    }

    private static Socket connect(String from, int port) throws IOException {
        return new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0);
    }

    /** Established TCP connections to {@code port} on this machine (IPv4), from /proc/net/tcp. */
    static long upstreamConnections(int port) throws IOException {
        String hex = String.format(":%04X", port);
        return Files.readAllLines(Path.of("/proc/net/tcp")).stream()
                .skip(1)
                .map(l -> l.trim().split("\\s+"))
                .filter(f -> f[2].endsWith(hex) && f[3].equals("01"))
                .count();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(condition, WAIT, what);
    }

    /** Polls a condition of the running proxy until it holds (or, with {@code what} null, until the time passes). */
    private static void awaitTrue(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                if (what == null) {
                    return;
                }
                throw new AssertionError("not reached within " + limit + ": " + what);
            }
            Thread.sleep(20);
        }
    }
}
