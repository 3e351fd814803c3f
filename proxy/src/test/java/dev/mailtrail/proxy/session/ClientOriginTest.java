package dev.mailtrail.proxy.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientOriginTest {

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(ClientOrigin.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
    }

    private static ClientOrigin from(String ip, boolean trusted) {
        return new ClientOrigin("SMTP", "s1", new InetSocketAddress(ip, 40000), trusted);
    }

    @Test
    void aTrustedPeerNamesTheEndUser() {
        ClientOrigin o = from("127.0.0.1", true);
        assertThat(o.claim("XCLIENT ADDR", "203.0.113.9", "5555")).isTrue();
        assertThat(o.ip()).isEqualTo("203.0.113.9");
        assertThat(o.port()).isEqualTo(5555);
        assertThat(o).hasToString("203.0.113.9:5555");
        assertThat(o.peerIp()).isEqualTo("127.0.0.1");
        assertThat(log)
                .containsExactly(
                        "session s1: SMTP client 203.0.113.9:5555 named by trusted peer 127.0.0.1" + " (XCLIENT ADDR)");
    }

    @Test
    void anAddressWithoutAPortHasNoPortAndIpv6IsBracketed() {
        ClientOrigin o = from("127.0.0.1", true);
        o.claim("XCLIENT ADDR", "2001:db8::9", "not-a-port");
        assertThat(o.port()).isZero();
        assertThat(o).hasToString("[2001:db8:0:0:0:0:0:9]");
        o.claim("XCLIENT ADDR", "IPV6:2001:db8::a", "25");
        assertThat(o.ip()).isEqualTo("2001:db8:0:0:0:0:0:a");
        assertThat(o.port()).isEqualTo(25);
    }

    @Test
    void anUntrustedPeersClaimIsIgnoredAndLoggedEscaped() {
        ClientOrigin o = from("127.0.0.2", false);
        assertThat(o.claim("ID x-originating-ip", "192.0.2.77\r\nsession x: IMAP login failed\u001b[0m", null))
                .isFalse();
        assertThat(o.ip()).isEqualTo("127.0.0.2");
        assertThat(o.port()).isEqualTo(40000);
        assertThat(log).hasSize(1);
        assertThat(log.getFirst())
                .isEqualTo("session s1: SMTP ID x-originating-ip \"192.0.2.77\\r\\nsession x: IMAP login"
                        + " failed\\x1b[0m\" from 127.0.0.2 ignored: the peer is not in trusted-networks")
                .doesNotContain("\r", "\n", "\u001b");
    }

    @Test
    void aNameOrGarbageFromATrustedPeerIsNoAddress() {
        ClientOrigin o = from("127.0.0.1", true);
        assertThat(o.claim("XCLIENT ADDR", "attacker.example", null)).isFalse();
        assertThat(o.claim("XCLIENT ADDR", "[UNAVAILABLE]", null)).isFalse();
        assertThat(o.ip()).isEqualTo("127.0.0.1");
        assertThat(log).allSatisfy(l -> assertThat(l).endsWith("ignored: not an IP address"));
    }

    @Test
    void aVeryLongClaimIsCutInTheLog() {
        from("127.0.0.2", false).claim("XCLIENT ADDR", "1".repeat(5000), null);
        assertThat(log.getFirst()).hasSizeLessThan(200).contains("...\"");
    }
}
