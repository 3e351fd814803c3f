package dev.mailtrail.core.generate;

import static dev.mailtrail.core.generate.Replay.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** MailItemsAccessed Sync: one record per folder, de-duplicated per folder per hour. */
class RecordGeneratorSyncTest {
    private final Replay replay = new Replay();
    private final Access alice = Access.owner("alice@contoso.com").clientInfo("Client=POP3");

    @Test
    void aSyncIsOneRecordForTheFolderWithoutItems() {
        replay.accept(alice.sync(at(0), "A", "B"));

        AuditRecord record = replay.flush().getFirst();

        assertThat(record.mailAccessType()).isEqualTo("Sync");
        assertThat(record.isThrottled()).isFalse();
        assertThat(record.operationCount()).isEqualTo(1);
        assertThat(record.folders()).singleElement().satisfies(folder -> {
            assertThat(folder.path()).isEqualTo("\\Inbox");
            assertThat(folder.id()).isEqualTo("folder:\\Inbox");
            assertThat(folder.folderItems()).isEmpty();
        });
        assertThat(record.syncedItems()).extracting(ItemRef::id).containsExactly("A", "B");
        assertThat(replay.statistics().syncsRecorded()).isEqualTo(1);
    }

    @Test
    void eachFolderSyncedIsItsOwnRecord() {
        replay.accept(alice.sync(at(0)));
        replay.accept(alice.in("\\Sent Items").sync(at(1)));
        replay.accept(alice.in("\\Finance").sync(at(2)));

        assertThat(replay.flush())
                .extracting(r -> r.folders().getFirst().path())
                .containsExactly("\\Inbox", "\\Sent Items", "\\Finance");
        assertThat(replay.records).allSatisfy(r -> assertThat(r.folders()).hasSize(1));
    }

    @Test
    void aFolderSyncedAgainWithinTheHourMakesNothingNew() {
        replay.accept(alice.sync(at(0), "A"));
        replay.accept(alice.sync(at(30), "B"));
        replay.accept(alice.sync(at(Duration.ofMinutes(59)), "C"));

        assertThat(replay.flush()).singleElement().satisfies(r -> {
            assertThat(r.operationCount()).isEqualTo(2);
            assertThat(r.syncedItems()).extracting(ItemRef::id).containsExactly("A", "B");
        });
        assertThat(replay.statistics().syncsDeduplicated()).isEqualTo(1);
    }

    @Test
    void aFolderSyncedAgainAfterTheHourIsRecordedAgain() {
        replay.accept(alice.sync(at(0)));
        replay.accept(alice.sync(at(Duration.ofHours(1))));

        assertThat(replay.flush())
                .extracting(AuditRecord::creationTime)
                .containsExactly(at(0), at(Duration.ofHours(1)));
    }

    @Test
    void anotherSessionSyncingTheSameFolderIsRecorded() {
        replay.accept(alice.sync(at(0)));
        replay.accept(alice.session("attacker").ip("203.0.113.7").sync(at(Duration.ofMinutes(10))));

        assertThat(replay.flush()).extracting(AuditRecord::sessionId).containsExactly("session1", "attacker");
    }

    @Test
    void syncAndBindInOneSessionAreSeparateRecords() {
        replay.accept(alice.sync(at(0)));
        replay.accept(alice.bind(at(1), "A"));

        assertThat(replay.flush()).extracting(AuditRecord::mailAccessType).containsExactlyInAnyOrder("Sync", "Bind");
        assertThat(replay.records)
                .filteredOn(r -> r.mailAccessType().equals("Bind"))
                .flatExtracting(AuditRecord::folders)
                .flatExtracting(FolderItems::folderItems)
                .hasSize(1);
    }

    @Test
    void aMessageThatWentOutTwiceInOneSyncIsListedOnce() {
        replay.accept(alice.sync(at(0), "A"));
        replay.accept(alice.sync(at(10), "B"));
        replay.accept(alice.sync(at(20), "A"));

        AuditRecord record = replay.flush().getFirst();

        assertThat(record.syncedItems()).extracting(ItemRef::id).containsExactly("A", "B");
        assertThat(record.operationCount()).isEqualTo(3);
    }
}
