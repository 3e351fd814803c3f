package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * An open intent covers only accesses of its own kind (docs/decisions/0011): a delete of a message a read intent names
 * is journaled and waited for itself — the read intent, resolved, would record a read, not the delete — while a delete
 * a destroy intent names is kept back and the bytes wait for that intent.
 */
class AckingSinkKindTest {

    static final FolderRef INBOX = new FolderRef("alice/INBOX;uidvalidity=7", "\\Inbox");
    static final ItemRef MESSAGE = new ItemRef(null, INBOX.id() + ";uid=4", null, null);

    private final List<AuditEvent> submitted = new ArrayList<>();
    private final List<CompletableFuture<Void>> acks = new ArrayList<>();
    private final AckingSink events = new AckingSink(
            event -> {
                submitted.add(event);
                CompletableFuture<Void> ack = new CompletableFuture<>();
                acks.add(ack);
                return ack;
            },
            new InFlight());

    @Test
    void aDeleteOfAMessageOnlyAReadIntentNamesWaitsForItsOwnAcknowledgement() {
        events.intent(new AccessIntent("s/1", access(MailboxAction.MAIL_ITEMS_ACCESSED, MailAccessType.BIND)));
        events.take();
        MailboxAccess delete = access(MailboxAction.HARD_DELETE, null);
        events.accept(delete);
        assertThat(submitted).as("journaled at once").contains(delete);
        assertThat(events.take()).isSameAs(acks.getLast());
    }

    @Test
    void aDeleteADestroyIntentNamesIsKeptBackAndWaitsForTheIntent() {
        events.intent(new AccessIntent("s/1", access(MailboxAction.HARD_DELETE, null)));
        events.take();
        CompletableFuture<Void> intent = acks.getLast();
        MailboxAccess delete = access(MailboxAction.HARD_DELETE, null);
        events.accept(delete);
        assertThat(submitted).as("kept back to share the next sync").doesNotContain(delete);
        assertThat(events.take()).isSameAs(intent);
        events.flushDeferred();
        assertThat(submitted).contains(delete);
    }

    @Test
    void serverOutputUnderADeleteWaitsForItsIntent() {
        events.intent(new AccessIntent("s/1", access(MailboxAction.SOFT_DELETE, null)));
        events.take();
        assertThat(events.take()).as("nothing waits").isNull();
        events.awaitIntent("s/1");
        assertThat(events.take()).isSameAs(acks.getLast());
    }

    private static MailboxAccess access(MailboxAction operation, MailAccessType type) {
        return new MailboxAccess(
                Instant.parse("2026-03-03T12:00:00Z"),
                "alice",
                "alice",
                LogonType.OWNER,
                operation,
                type,
                new Session("s", "192.0.2.1", "Client=IMAP4", null),
                INBOX,
                null,
                List.of(MESSAGE),
                null,
                null);
    }
}
