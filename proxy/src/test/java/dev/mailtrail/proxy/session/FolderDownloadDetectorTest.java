package dev.mailtrail.proxy.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FolderDownloadDetectorTest {

    private final List<MailboxAccess> events = new ArrayList<>();
    private final DownloadActivity shared = new DownloadActivity(DownloadRuleConfig.DEFAULTS, 100);
    private Instant now = Instant.parse("2026-03-02T09:00:00Z");

    private static FolderAccess inbox(String ip) {
        return new FolderAccess(
                "alice",
                "alice",
                LogonType.OWNER,
                new Session("s", ip, "Client=IMAP4", null),
                new FolderRef("alice/INBOX;uidvalidity=1", "\\Inbox"),
                "alice/INBOX",
                1);
    }

    private static List<ItemRef> item(long uid) {
        return List.of(new ItemRef(null, "alice/INBOX;uidvalidity=1;uid=" + uid, null, null));
    }

    private void read(FolderDownloadDetector d, FolderAccess f, long uid) {
        FolderDownloadDetector.BodyRead r = d.bodyReadArrived(f, false, now);
        d.bodyReadCompleted(r, item(uid), now);
    }

    @Test
    void aSweepOnOneConnectionMakesTheReadOnAnotherASync() {
        FolderDownloadDetector conn1 = new FolderDownloadDetector(shared, events::add);
        FolderDownloadDetector conn2 = new FolderDownloadDetector(shared, events::add);
        conn1.metadataFetched(inbox("203.0.113.7"), now);
        now = now.plusMillis(161);
        read(conn2, inbox("203.0.113.7"), 4);
        conn2.close();
        assertThat(events).singleElement().satisfies(e -> assertThat(e.accessType())
                .isEqualTo(MailAccessType.SYNC));
    }

    @Test
    void aSweepFromAnotherClientAddressDoesNotCount() {
        FolderDownloadDetector conn1 = new FolderDownloadDetector(shared, events::add);
        FolderDownloadDetector conn2 = new FolderDownloadDetector(shared, events::add);
        conn1.metadataFetched(inbox("198.51.100.1"), now);
        now = now.plusMillis(10);
        read(conn2, inbox("203.0.113.7"), 4);
        conn2.close();
        assertThat(events).singleElement().satisfies(e -> assertThat(e.accessType())
                .isEqualTo(MailAccessType.BIND));
    }

    @Test
    void aHeldBindIsLetOutByTickOnceItsHoldPasses() {
        FolderDownloadDetector d = new FolderDownloadDetector(shared, events::add);
        read(d, inbox("203.0.113.7"), 1);
        d.tick(now.plusMillis(999));
        assertThat(events).isEmpty();
        now = now.plus(Duration.ofSeconds(1));
        d.tick(now);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.accessType()).isEqualTo(MailAccessType.BIND);
            assertThat(e.time()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        });
    }

    @Test
    void aPipelinedReadIsASync() {
        FolderDownloadDetector d = new FolderDownloadDetector(shared, events::add);
        FolderDownloadDetector.BodyRead r = d.bodyReadArrived(inbox("203.0.113.7"), true, now);
        d.bodyReadCompleted(r, item(1), now);
        d.close();
        assertThat(events).singleElement().satisfies(e -> assertThat(e.accessType())
                .isEqualTo(MailAccessType.SYNC));
    }

    @Test
    void decidedOnDeliveryEachMessageIsEmittedAsItGoesOutWithNothingHeld() {
        FolderDownloadDetector d = new FolderDownloadDetector(shared, events::add, true);
        FolderDownloadDetector.BodyRead single = d.bodyReadArrived(inbox("203.0.113.7"), false, now);
        d.bodyDelivered(single, item(1).getFirst(), 1, now);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.accessType())
                .isEqualTo(MailAccessType.BIND));
        d.bodyReadCompleted(single, item(1), now);
        now = now.plusSeconds(30);
        FolderDownloadDetector.BodyRead bulk = d.bodyReadArrived(inbox("203.0.113.7"), false, now);
        d.bodyDelivered(bulk, item(2).getFirst(), 1, now);
        d.bodyDelivered(bulk, item(3).getFirst(), 2, now);
        d.bodyReadCompleted(bulk, List.of(item(2).getFirst(), item(3).getFirst()), now);
        d.close();
        assertThat(events)
                .extracting(MailboxAccess::accessType)
                .containsExactly(MailAccessType.BIND, MailAccessType.BIND, MailAccessType.SYNC);
        assertThat(events.get(2).items()).extracting(ItemRef::id).containsExactly("alice/INBOX;uidvalidity=1;uid=3");
    }

    @Test
    void decidedOnDeliveryAReadRightAfterASweepIsSyncAtOnce() {
        FolderDownloadDetector d = new FolderDownloadDetector(shared, events::add, true);
        d.metadataFetched(inbox("203.0.113.7"), now);
        now = now.plusMillis(2);
        FolderDownloadDetector.BodyRead r = d.bodyReadArrived(inbox("203.0.113.7"), false, now);
        d.bodyDelivered(r, item(7).getFirst(), 1, now);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.accessType())
                .isEqualTo(MailAccessType.SYNC));
    }

    @Test
    void aPreviewIsASyncThatLeavesALaterReadOfTheMessageABind() {
        FolderDownloadDetector d = new FolderDownloadDetector(shared, events::add);
        d.metadataFetched(inbox("203.0.113.7"), now);
        now = now.plusMillis(87);
        FolderDownloadDetector.BodyRead preview = d.bodyReadArrived(inbox("203.0.113.7"), false, true, now);
        d.bodyReadCompleted(preview, item(5), now);
        now = now.plusSeconds(10);
        read(d, inbox("203.0.113.7"), 5);
        d.close();
        assertThat(events)
                .extracting(MailboxAccess::accessType)
                .containsExactly(MailAccessType.SYNC, MailAccessType.BIND);
    }

    @Test
    void decidedOnDeliveryAPreviewIsASyncAndStartsNoEpisode() {
        FolderDownloadDetector d = new FolderDownloadDetector(shared, events::add, true);
        FolderDownloadDetector.BodyRead preview = d.bodyReadArrived(inbox("203.0.113.7"), false, true, now);
        d.bodyDelivered(preview, item(5).getFirst(), 1, now);
        d.bodyReadCompleted(preview, item(5), now);
        now = now.plusSeconds(10);
        FolderDownloadDetector.BodyRead click = d.bodyReadArrived(inbox("203.0.113.7"), false, now);
        d.bodyDelivered(click, item(5).getFirst(), 1, now);
        d.bodyReadCompleted(click, item(5), now);
        d.close();
        assertThat(events)
                .extracting(MailboxAccess::accessType)
                .containsExactly(MailAccessType.SYNC, MailAccessType.BIND);
    }
}
