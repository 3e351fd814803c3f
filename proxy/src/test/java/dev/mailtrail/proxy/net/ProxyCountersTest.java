package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.config.MailProtocol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the proxy's metrics read, with a real Dovecot behind it: open connections by protocol, the name cache. */
class ProxyCountersTest {
    @TempDir
    Path dir;

    @Test
    void openConnectionsAreCountedByProtocolAndTheNameCacheByHitAndMiss() throws Exception {
        try (ProxyHarness h = new ProxyHarness(dir, AuditMode.STRICT)) {
            h.dovecot.seed("alice", "INBOX", "Counted", "A read the cache names.");
            assertThat(h.proxy.connectionsByProtocol()).isEqualTo(Map.of(MailProtocol.IMAP, 0, MailProtocol.POP3, 0));
            try (LineClient imap = new LineClient(h.port("imap"));
                    LineClient pop3 = new LineClient(h.port("pop3"))) {
                assertThat(imap.line()).startsWith("* OK");
                assertThat(pop3.line()).startsWith("+OK");
                assertThat(h.proxy.connectionsByProtocol())
                        .isEqualTo(Map.of(MailProtocol.IMAP, 1, MailProtocol.POP3, 1));

                long missesBefore = h.proxy.identityCacheMisses();
                imap.send("a LOGIN alice Secret123");
                assertThat(imap.until("a ")).contains("a OK");
                imap.send("s SELECT INBOX");
                imap.until("s ");
                imap.send("h UID FETCH 1 (BODY.PEEK[HEADER])");
                assertThat(imap.until("h ")).contains("h OK");
                imap.send("t UID FETCH 1 (BODY.PEEK[TEXT])");
                assertThat(imap.until("t ")).contains("A read the cache names.").contains("t OK");
                imap.send("l LOGOUT");
                imap.until("l ");
                h.sink.awaitAny(MailboxAction.MAIL_ITEMS_ACCESSED, Duration.ofSeconds(20));

                assertThat(h.proxy.identityCacheHits() + h.proxy.identityCacheMisses())
                        .as("finds of the name cache")
                        .isGreaterThan(missesBefore);
                assertThat(h.proxy.identityCacheHits())
                        .as("the body read named from the headers seen before it")
                        .isPositive();
            }
        }
    }
}
