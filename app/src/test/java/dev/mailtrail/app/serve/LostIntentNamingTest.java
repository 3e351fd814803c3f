package dev.mailtrail.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.IntentNamer;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.proxy.session.AuditEventSink;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LostIntentNamingTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final String UID_1 = "alice/INBOX;uidvalidity=7;uid=1";
    private static final String UID_2 = "alice/INBOX;uidvalidity=7;uid=2";

    private final List<AuditEvent> journaled = new CopyOnWriteArrayList<>();
    private final AuditEventSink pipeline = AuditEventSink.grouping(
            e -> {
                journaled.add(e);
                return CompletableFuture.completedFuture(null);
            },
            events -> {
                journaled.addAll(events);
                return CompletableFuture.completedFuture(null);
            });

    @Test
    void aLostOutcomeIsJournaledWithTheNamesOfItsUidOnlyItemsAndTheSessionsNextEventsAfterIt() throws Exception {
        CountDownLatch lookupMayAnswer = new CountDownLatch(1);
        IntentNamer namer = items -> {
            await(lookupMayAnswer);
            return items.stream()
                    .map(u -> new ItemRef("<" + u.uid() + "@x>", u.itemId(), 100L, "Subject " + u.uid()))
                    .toList();
        };
        LostIntentNaming naming = new LostIntentNaming(pipeline, namer);
        AccessIntent intent = intent("s/1", "s", new ItemRef("<known@x>", UID_1, null, null), item(UID_2));
        naming.submitAll(List.of(intent)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        CompletableFuture<?> lost = naming.submit(lost("s/1", "s")).toCompletableFuture();
        CompletableFuture<?> next = naming.submit(read("s", UID_1)).toCompletableFuture();
        CompletableFuture<?> other = naming.submit(read("t", UID_1)).toCompletableFuture();

        other.get(5, TimeUnit.SECONDS);
        assertThat(lost).as("waits for the lookup").isNotDone();
        assertThat(next).as("waits behind its session's lost outcome").isNotDone();
        lookupMayAnswer.countDown();
        next.get(5, TimeUnit.SECONDS);
        naming.close();

        assertThat(journaled).hasSize(4);
        assertThat(journaled.get(2))
                .isEqualTo(lost("s/1", "s").withNames(List.of(new ItemRef("<2@x>", UID_2, 100L, "Subject 2"))));
        assertThat(journaled.get(3)).isEqualTo(read("s", UID_1));
        assertThat(journaled.get(1)).as("another session never waits").isEqualTo(read("t", UID_1));
    }

    @Test
    void outcomesThatNeedNoNamingPassStraightThrough() throws Exception {
        IntentNamer namer = items -> {
            throw new AssertionError("nothing to name: " + items);
        };
        LostIntentNaming naming = new LostIntentNaming(pipeline, namer);
        naming.submit(intent("s/1", "s", item(UID_1))).toCompletableFuture().get(1, TimeUnit.SECONDS);
        naming.submit(new IntentOutcome(T, "alice", new Session("s", null, null, null), "s/1", "OK"))
                .toCompletableFuture()
                .get(1, TimeUnit.SECONDS);
        naming.submit(intent("s/2", "s", new ItemRef("<a@x>", UID_1, null, null)))
                .toCompletableFuture();
        naming.submit(lost("s/2", "s")).toCompletableFuture().get(1, TimeUnit.SECONDS);
        naming.close();
        assertThat(journaled).hasSize(4);
        assertThat(((IntentOutcome) journaled.get(3)).names()).isEmpty();
    }

    @Test
    void closingHandsOnWhatWaitsForANamingAndNothingIsDropped() throws Exception {
        IntentNamer namer = items -> {
            sleep(300);
            return List.of(new ItemRef("<1@x>", UID_1, null, null));
        };
        LostIntentNaming naming = new LostIntentNaming(pipeline, namer);
        naming.submit(intent("s/1", "s", item(UID_1)));
        naming.submit(lost("s/1", "s"));
        naming.close();
        assertThat(journaled).hasSize(2);
        assertThat(((IntentOutcome) journaled.get(1)).names())
                .extracting(ItemRef::internetMessageId)
                .containsExactly("<1@x>");
    }

    private static ItemRef item(String id) {
        return new ItemRef(null, id, null, null);
    }

    private static AccessIntent intent(String id, String session, ItemRef... items) {
        return new AccessIntent(id, access(session, items));
    }

    private static MailboxAccess read(String session, String id) {
        return access(session, item(id));
    }

    private static MailboxAccess access(String session, ItemRef... items) {
        return new MailboxAccess(
                T,
                "alice",
                "alice",
                LogonType.OWNER,
                MailboxAction.MAIL_ITEMS_ACCESSED,
                MailAccessType.BIND,
                new Session(session, "127.0.0.1", "Client=IMAP4", null),
                new FolderRef("alice/INBOX;uidvalidity=7", "\\Inbox"),
                null,
                List.of(items),
                null,
                List.of());
    }

    private static IntentOutcome lost(String intent, String session) {
        return new IntentOutcome(
                T, "alice", new Session(session, "127.0.0.1", "Client=IMAP4", null), intent, IntentOutcome.LOST);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
