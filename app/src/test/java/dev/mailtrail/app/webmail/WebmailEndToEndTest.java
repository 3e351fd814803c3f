package dev.mailtrail.app.webmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailtrail.app.serve.AuditingProxy;
import dev.mailtrail.app.webmail.RoundcubeInstance.MailHosts;
import dev.mailtrail.proxy.config.ProxyConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A business email compromise through webmail, with real parts only: Roundcube from Debian's packages under lighttpd,
 * its managesieve plugin and our mailtrail_client_ip plugin, in front of Dovecot (IMAP, ManageSieve) and Postfix
 * (submission), driven by Debian's Chromium from the attacker's loopback address 127.0.0.66 while the webmail host
 * is 127.0.0.1. First straight against the servers, then with MailTrail in between.
 */
class WebmailEndToEndTest {

    static final String ATTACKER = "127.0.0.66";
    static final String WEBMAIL_HOST = "127.0.0.1";
    static final String FORWARD_TO = "collector@outside.example";
    static final String SEND_TO = "payments@outside.example";
    static final String SEND_SUBJECT = "Updated bank details for invoice INV-2026-0412";
    static final List<String> READ = List.of("Q4 payroll run", "Wire approval for Contoso", "Invoice INV-2026-0412");

    @TempDir
    Path dir;

    private List<String> readIds;
    private String unreadId;

    @BeforeEach
    void assumeInstalled() {
        RoundcubeInstance.assumeInstalled();
        AttackerBrowser.assumeInstalled();
        PostfixInstance.assumeUsable();
    }

    private MailBackends mailWithTheStory() {
        MailBackends mail = MailBackends.start(dir.resolve("mail"));
        readIds = READ.stream()
                .map(subject -> mail.dovecot().seed("alice", "INBOX", subject, "About " + subject + "."))
                .toList();
        unreadId = mail.dovecot().seed("alice", "INBOX", "Lunch on Friday", "Not opened by anyone.");
        return mail;
    }

    private static AttackerBrowser.Plan attack() {
        return new AttackerBrowser.Plan("alice", "Secret123", ATTACKER, READ, FORWARD_TO, SEND_TO, SEND_SUBJECT);
    }

    private static Path screenshots(String test) {
        return Path.of("target", "webmail", test).toAbsolutePath();
    }

    @Test
    void roundcubeTellsDovecotAndPostfixTheBrowsersAddressAndStoresTheForwardingRule() throws Exception {
        try (MailBackends mail = mailWithTheStory()) {
            MailHosts direct = new MailHosts(
                    "127.0.0.1:" + mail.imapPort(),
                    "127.0.0.1:" + mail.submissionPort(),
                    "127.0.0.1:" + mail.managesievePort());
            try (RoundcubeInstance roundcube = RoundcubeInstance.start(dir.resolve("roundcube"), plugin(), direct)) {
                play(roundcube, mail, "direct");
            }
            String dovecotLog = mail.dovecot().log();
            assertThat(loginAddresses(dovecotLog, "imap-login"))
                    .as("every IMAP login names the browser, not the webmail host: " + dovecotLog)
                    .isNotEmpty()
                    .containsOnly(ATTACKER);
            assertThat(mail.activeSieveScript("alice")).contains("redirect \"" + FORWARD_TO + "\"");
            assertThat(mail.postfix().log())
                    .as("XCLIENT ADDR= from Roundcube names the browser to Postfix")
                    .contains("[" + ATTACKER + "]")
                    .contains("to=<" + SEND_TO + ">");
            assertThat(folderText(mail, "alice", ".Trash")).contains("Subject: " + SEND_SUBJECT);
        }
    }

    @Test
    void throughMailTrailsImapProxyTheScopeNamesTheThreeMessagesTheAttackerOpened() throws Exception {
        try (MailBackends mail = mailWithTheStory()) {
            Path data = dir.resolve("data");
            AuditingProxy proxy = AuditingProxy.start(
                    ProxyConfigFile.read(proxyConfig(ProxyListeners.imapOnly(mail))), data, Clock.systemUTC());
            try {
                MailHosts hosts = new MailHosts(
                        "127.0.0.1:" + proxy.addresses().get("imap").getPort(),
                        "127.0.0.1:" + mail.submissionPort(),
                        "127.0.0.1:" + mail.managesievePort());
                try (RoundcubeInstance roundcube = RoundcubeInstance.start(dir.resolve("roundcube"), plugin(), hosts)) {
                    play(roundcube, mail, "imap-proxy");
                }
            } finally {
                proxy.close();
            }
            CaseScope responder = new CaseScope(dir);
            List<String> records = responder.export(data);
            assertThat(String.join("\n", records))
                    .as("MailItemsAccessed Bind records name the three messages opened and not the one left alone")
                    .contains("\"MailAccessType\"", "\"Bind\"")
                    .contains(readIds.stream().map(WebmailEndToEndTest::bare).toList())
                    .doesNotContain(bare(unreadId));
            JsonNode scope = responder.scope("alice", "--attacker-user", "alice");
            String all = scope.toPrettyString();
            assertThat(readIn(scope, "\\Inbox")).as(all).containsExactlyInAnyOrderElementsOf(readIds);
            assertThat(actions(scope, "DELETE"))
                    .as("the mail sent is moved to Trash by subject: " + all)
                    .anyMatch(a -> a.contains(SEND_SUBJECT));
        }
    }

    /**
     * The Message-IDs the scope says were read in {@code folder}. Roundcube previews a message to delete it, so the
     * attacker also reads the mail they sent, in \Sent.
     */
    private static List<String> readIn(JsonNode scope, String folder) {
        return elements(scope.get("messagesRead"))
                .filter(m -> folder.equals(m.path("folder").asText()))
                .map(m -> m.path("internetMessageId").asText())
                .distinct()
                .toList();
    }

    /**
     * The whole proof of the webmail story: every protocol through MailTrail, the webmail host trusted to name the
     * browser. Needs MailTrail's submission and ManageSieve listeners and its trusted networks; see
     * {@link ProxyListeners#all}. Roundcube's ManageSieve connection carries no client address (Net_Sieve sends no
     * XCLIENT or PROXY header; decision 0020): the ManageSieve proxy takes the browser's address from the same user's
     * IMAP login through the trusted webmail host (decision 0021).
     */
    @Test
    void throughEveryMailTrailListenerTheScopeNamesEverythingFromTheAttackersAddressOnly() throws Exception {
        try (MailBackends mail = mailWithTheStory()) {
            Path data = dir.resolve("data");
            AuditingProxy proxy = AuditingProxy.start(
                    ProxyConfigFile.read(proxyConfig(ProxyListeners.all(mail, WEBMAIL_HOST))), data, Clock.systemUTC());
            try {
                MailHosts hosts = new MailHosts(
                        "127.0.0.1:" + proxy.addresses().get("imap").getPort(),
                        "127.0.0.1:" + proxy.addresses().get("submission").getPort(),
                        "127.0.0.1:" + proxy.addresses().get("managesieve").getPort());
                try (RoundcubeInstance roundcube = RoundcubeInstance.start(dir.resolve("roundcube"), plugin(), hosts)) {
                    play(roundcube, mail, "all-proxies");
                }
            } finally {
                proxy.close();
            }
            CaseScope responder = new CaseScope(dir);
            responder.export(data);
            // Everything alice's account did, each item with the address it came from; then the scope as a
            // responder asks it, by the attacker's address and by the webmail host's.
            JsonNode byUser = responder.scope("alice", "--attacker-user", "alice");
            JsonNode byAttacker = responder.scope("alice", "--attacker-ip", ATTACKER);
            JsonNode byWebmailHost = responder.scope("alice", "--attacker-ip", WEBMAIL_HOST);
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(readIn(byUser, "\\Inbox"))
                    .as("the three messages opened")
                    .containsExactlyInAnyOrderElementsOf(readIds);
            soft.assertThat(elements(byUser.get("messagesRead"))
                            .map(m -> m.path("ip").asText()))
                    .as("each read from the browser's address")
                    .containsOnly(ATTACKER);
            soft.assertThat(readIn(byAttacker, "\\Inbox"))
                    .as("mt scope --attacker-ip names the three messages")
                    .containsExactlyInAnyOrderElementsOf(readIds);
            actionFromTheAttacker(soft, byUser, "INBOX_RULE", FORWARD_TO);
            actionFromTheAttacker(soft, byUser, "SEND", SEND_SUBJECT);
            actionFromTheAttacker(soft, byUser, "DELETE", SEND_SUBJECT);
            soft.assertThat(byWebmailHost.get("distinctMessagesRead").asInt())
                    .as("no read attributed to the webmail host")
                    .isZero();
            soft.assertThat(byWebmailHost.get("actions"))
                    .as("no action attributed to the webmail host")
                    .isEmpty();
            soft.assertAll();
        }
    }

    /** The scope has an action of {@code kind} that names {@code what}, and it came from the attacker's address. */
    private static void actionFromTheAttacker(SoftAssertions soft, JsonNode scope, String kind, String what) {
        List<JsonNode> named = elements(scope.get("actions"))
                .filter(a ->
                        kind.equals(a.path("kind").asText()) && a.toString().contains(what))
                .toList();
        soft.assertThat(named).as("a %s naming %s in %s", kind, what, scope).isNotEmpty();
        soft.assertThat(named.stream().map(a -> a.path("ip").asText()))
                .as("the %s naming %s from the browser's address", kind, what)
                .containsOnly(ATTACKER);
    }

    private static List<String> actions(JsonNode scope, String kind) {
        return elements(scope.get("actions"))
                .filter(a -> kind.equals(a.path("kind").asText()))
                .map(JsonNode::toString)
                .toList();
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private void play(RoundcubeInstance roundcube, MailBackends mail, String name) throws Exception {
        try {
            AttackerBrowser.play(roundcube.url(), attack(), screenshots(name));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + roundcube.log() + "\n" + mail.log(), e);
        }
    }

    private Path proxyConfig(String text) throws Exception {
        Path conf = dir.resolve("proxy.conf");
        Files.writeString(conf, text);
        return conf;
    }

    private static Path plugin() {
        return AttackerBrowser.directory().resolve("roundcube-plugin/mailtrail_client_ip");
    }

    private static String bare(String messageId) {
        return messageId.substring(1, messageId.length() - 1);
    }

    /** The {@code rip=} of each {@code service: Info: Login:} line of Dovecot's log. */
    private static List<String> loginAddresses(String log, String service) {
        Matcher m = Pattern.compile(service + ": Info: Login: .*?rip=([^,]+),").matcher(log);
        return m.results().map(r -> r.group(1)).toList();
    }

    private static String folderText(MailBackends mail, String user, String folder) throws Exception {
        Path maildir = mail.dovecot()
                .directory()
                .resolve("mail")
                .resolve(user)
                .resolve("Maildir")
                .resolve(folder);
        StringBuilder text = new StringBuilder();
        for (String sub : List.of("cur", "new")) {
            try (Stream<Path> files = Files.list(maildir.resolve(sub))) {
                for (Path f : files.toList()) {
                    text.append(Files.readString(f)).append('\n');
                }
            }
        }
        return text.toString();
    }
}
