package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import dev.mailtrail.proxy.session.DownloadRuleConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the proxy closes open sessions and returns only once what their auditors still held was submitted. A
 * Bind held for an hour of hindsight shows it.
 */
class ShutdownTest {

    @TempDir
    Path dir;

    @Test
    void aBindStillHeldInAnOpenSessionIsSubmittedBeforeCloseReturns() throws Exception {
        DownloadRuleConfig d = DownloadRuleConfig.DEFAULTS;
        DownloadRuleConfig longHold = new DownloadRuleConfig(
                d.think(),
                d.gap(),
                d.chainLength(),
                Duration.ofHours(1),
                d.episodeQuiet(),
                d.messagesPerCommand(),
                d.pop3Retrievals());
        ImapAuditConfig audit = new ImapAuditConfig("*", "Shared/", "Trash", 1000, longHold);
        try (ProxyHarness h =
                new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.ASYNC, false, audit)) {
            h.dovecot.seed("alice", "INBOX", "Held", "Held for hindsight.");
            try (LineClient c = new LineClient(h.port("imap"))) {
                c.line();
                c.send("a LOGIN alice Secret123");
                c.until("a ");
                c.send("s SELECT INBOX");
                c.until("s ");
                c.send("f UID FETCH 1 (BODY.PEEK[])");
                assertThat(c.until("f ")).contains("Held for hindsight.");
                assertThat(h.sink.events()).noneMatch(e -> e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED);
                h.proxy.close();
                assertThat(h.sink.events())
                        .anyMatch(e -> e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED
                                && e.accessType() == MailAccessType.BIND);
                assertThat(c.rest()).isEmpty();
                assertThat(h.proxy.openSessions()).isZero();
            }
        }
    }
}
