package dev.mailtrail.proxy.pop3.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.imap.session.RecordingIntentSink;
import dev.mailtrail.proxy.imap.session.TestClock;
import dev.mailtrail.proxy.pop3.codec.Pop3Request;
import dev.mailtrail.proxy.pop3.codec.Pop3RequestDecoder;
import dev.mailtrail.proxy.pop3.codec.Pop3Response;
import dev.mailtrail.proxy.pop3.codec.Pop3ResponseScanner;
import dev.mailtrail.proxy.session.DownloadRuleConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Strict mode: a QUIT that enters the UPDATE state with messages DELE marked journals the intent of their HardDelete
 * before the server has it (docs/decisions/0011); the HardDelete decided from the {@code +OK} names the same ids and
 * comes before the outcome, and a session that ends first leaves the intent lost.
 */
class Pop3DeletionIntentTest {

    private final RecordingIntentSink sink = new RecordingIntentSink();
    private final Pop3SessionAuditor auditor =
            new Pop3SessionAuditor("*", DownloadRuleConfig.DEFAULTS, "p1", "203.0.113.7", new TestClock(), sink, true);
    private final Pop3RequestDecoder decoder = new Pop3RequestDecoder(1024);
    private final Pop3ResponseScanner scanner = new Pop3ResponseScanner(1024, 4096);

    Pop3DeletionIntentTest() {
        auditor.intentsTo(sink);
    }

    @Test
    void aQuitThatRemovesMarkedMessagesAnnouncesTheirHardDelete() {
        loggedIn();
        exchange("DELE 1", "+OK Marked to be deleted.");
        exchange("DELE 3", "+OK Marked to be deleted.");
        client("QUIT");
        assertThat(sink.intents()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(AccessIntent.Kind.DESTROY);
            assertThat(i.access().operation()).isEqualTo(MailboxAction.HARD_DELETE);
            assertThat(i.access().items())
                    .extracting(ItemRef::id)
                    .containsExactly("bob/INBOX;msg=1", "bob/INBOX;msg=3");
        });
        server("+OK Logging out, messages deleted.");
        assertThat(sink.lines())
                .as("the HardDelete completes the intent before its outcome closes it")
                .containsSubsequence(
                        "intent HardDelete bob bob Owner \\Inbox [msg=1,msg=3] {MailTrailIntentCommand=QUIT}",
                        "HardDelete bob bob Owner \\Inbox [msg=1,msg=3]",
                        "outcome +OK");
        auditor.close();
        assertThat(sink.outcomes()).containsExactly("+OK");
        assertThat(sink.accesses())
                .filteredOn(a -> a.operation() == MailboxAction.HARD_DELETE)
                .hasSize(1);
    }

    @Test
    void aDelePipelinedBeforeTheQuitIsAnnouncedWithIt() {
        loggedIn();
        exchange("DELE 1", "+OK Marked to be deleted.");
        client("DELE 2");
        client("QUIT");
        assertThat(sink.intents()).singleElement().satisfies(i -> assertThat(
                        i.access().items())
                .extracting(ItemRef::id)
                .containsExactly("bob/INBOX;msg=1", "bob/INBOX;msg=2"));
        server("+OK Marked to be deleted.");
        server("+OK Logging out, messages deleted.");
        assertThat(sink.accesses())
                .filteredOn(a -> a.operation() == MailboxAction.HARD_DELETE)
                .singleElement()
                .satisfies(a -> assertThat(a.items())
                        .extracting(ItemRef::id)
                        .containsExactly("bob/INBOX;msg=1", "bob/INBOX;msg=2"));
        assertThat(sink.outcomes()).containsExactly("+OK");
    }

    @Test
    void aQuitWithNothingMarkedAnnouncesNothing() {
        loggedIn();
        exchange("DELE 1", "+OK Marked to be deleted.");
        exchange("RSET", "+OK");
        exchange("QUIT", "+OK Logging out.");
        assertThat(sink.intents()).isEmpty();
    }

    @Test
    void aSessionThatEndsBeforeTheQuitIsAnsweredLeavesItsIntentLost() {
        loggedIn();
        exchange("DELE 2", "+OK Marked to be deleted.");
        client("QUIT");
        auditor.close();
        assertThat(sink.outcomes()).containsExactly("LOST");
        assertThat(sink.accesses()).map(MailboxAccess::operation).doesNotContain(MailboxAction.HARD_DELETE);
    }

    private void loggedIn() {
        server("+OK Dovecot ready.");
        exchange("USER bob", "+OK");
        exchange("PASS secret", "+OK Logged in.");
    }

    private void exchange(String command, String answer) {
        client(command);
        server(answer);
    }

    private void client(String line) {
        for (Pop3Request r : decoder.feed(bytes(line + "\r\n"))) {
            if (r instanceof Pop3Request.Command c) {
                scanner.expect(c);
            }
            auditor.onRequest(r);
        }
    }

    private void server(String line) {
        for (Pop3Response r : scanner.feed(bytes(line + "\r\n"))) {
            if (!(r instanceof Pop3Response.Continuation)) {
                decoder.serverCompleted();
            }
            auditor.onResponse(r);
        }
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
