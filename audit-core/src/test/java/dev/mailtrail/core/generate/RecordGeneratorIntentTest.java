package dev.mailtrail.core.generate;

import static dev.mailtrail.core.generate.Replay.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.record.AuditRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Intents (docs/decisions/0011): an intent makes no record by itself; the reads decided from the answer make the
 * records, once per read; a NO leaves nothing; what a lost or unresolved intent leaves unnamed becomes a read.
 */
class RecordGeneratorIntentTest {
    private static final String ALICE = "alice@contoso.com";

    private final Replay replay = new Replay();
    private final Access alice = Access.owner(ALICE);

    @Test
    void anIntentAndTheReadThatCompletesItMakeOneRecord() {
        replay.accept(intent("s/1", at(0), "A", "B"));
        replay.accept(alice.bind(at(1), "A"));
        replay.accept(alice.bind(at(1), "B"));
        replay.accept(outcome("s/1", at(2), "OK"));
        List<AuditRecord> records = replay.flush();

        assertThat(records).hasSize(1);
        assertThat(Replay.messages(records.getFirst())).containsExactly("A", "B");
        assertThat(replay.generator.pendingIntents()).isEmpty();
    }

    @Test
    void anIntentTheServerRefusedLeavesNoRecord() {
        replay.accept(intent("s/1", at(0), "A"));
        replay.accept(outcome("s/1", at(1), "NO"));

        assertThat(replay.flush()).isEmpty();
    }

    @Test
    void aLostSessionRecordsWhatNoReadNamed() {
        replay.accept(intent("s/1", at(0), "A", "B", "C"));
        replay.accept(alice.bind(at(1), "A"));
        replay.accept(outcome("s/1", at(2), IntentOutcome.LOST));
        List<AuditRecord> records = replay.flush();

        assertThat(records).hasSize(1);
        assertThat(Replay.messages(records.getFirst())).containsExactly("A", "B", "C");
    }

    @Test
    void theNamesALostOutcomeCarriesNameTheItemsNoReadNamed() {
        replay.accept(intent("s/1", at(0), "A", "B"));
        replay.accept(alice.bind(at(1), "A"));
        replay.accept(outcome("s/1", at(2), IntentOutcome.LOST)
                .withNames(List.of(
                        new ItemRef("<a@contoso.com>", "A", 10L, "Already read"),
                        new ItemRef("<b@contoso.com>", "B", 2048L, "Quarterly figures"))));
        List<AuditRecord> records = replay.flush();

        assertThat(records.stream()
                        .flatMap(r -> r.folders().stream())
                        .flatMap(f -> f.folderItems().stream())
                        .filter(i -> "B".equals(i.id())))
                .containsExactly(new ItemRef("<b@contoso.com>", "B", 2048L, "Quarterly figures"));
    }

    @Test
    void anUnresolvedIntentBecomesARecordOfItsUnnamedItemsWhenResolved() {
        replay.accept(intent("s/1", at(0), "A", "B"));
        replay.accept(alice.bind(at(1), "B"));
        assertThat(replay.generator.pendingIntents()).singleElement().satisfies(p -> assertThat(p.unnamed())
                .containsExactly("A"));

        replay.generator.resolveIntents("no answer journaled before the process stopped");
        List<AuditRecord> records = replay.flush();

        assertThat(records).hasSize(1);
        assertThat(Replay.messages(records.getFirst())).containsExactlyInAnyOrder("A", "B");
        assertThat(replay.generator.pendingIntents()).isEmpty();
    }

    @Test
    void namesGivenWithTheResolutionNameItsItemsAndKeepTheirIds() {
        replay.accept(intent("s/1", at(0), "A", "B"));
        replay.generator.resolveIntents(
                "test", java.util.Map.of("A", new ItemRef("<a@contoso.com>", "A", 2048L, "Quarterly figures")));
        List<AuditRecord> records = replay.flush();

        assertThat(records).hasSize(1);
        List<ItemRef> items = records.getFirst().folders().stream()
                .flatMap(f -> f.folderItems().stream())
                .toList();
        assertThat(items)
                .containsExactlyInAnyOrder(
                        new ItemRef("<a@contoso.com>", "A", 2048L, "Quarterly figures"),
                        new ItemRef(null, "B", null, null));
    }

    @Test
    void aReadInAnotherSessionDoesNotCompleteTheIntent() {
        replay.accept(intent("s/1", at(0), "A"));
        replay.accept(alice.session("other").bind(at(1), "A"));
        replay.generator.resolveIntents("test");

        assertThat(replay.flush()).hasSize(2);
    }

    @Test
    void thePendingStateRestoresIntoAnotherGenerator() {
        replay.accept(intent("s/1", at(0), "A", "B"));
        replay.accept(alice.bind(at(1), "A"));
        List<PendingIntents.Pending> state = replay.generator.pendingIntents();

        Replay other = new Replay();
        other.generator.restorePendingIntents(state);
        other.clock.advanceTo(at(5));
        other.generator.resolveIntents("test");
        List<AuditRecord> records = other.flush();

        assertThat(records).hasSize(1);
        assertThat(Replay.messages(records.getFirst())).containsExactly("B");
    }

    @Test
    void aDeleteCompletesADestroyIntentAndNotARead() {
        replay.accept(destroyIntent("s/1", at(0), "A"));
        replay.accept(intent("s/2", at(0), "A"));
        replay.accept(hardDelete(at(1), "A"));
        replay.accept(outcome("s/1", at(2), "OK"));
        replay.accept(outcome("s/2", at(2), IntentOutcome.LOST));
        List<AuditRecord> records = replay.flush();

        assertThat(records)
                .extracting(AuditRecord::operation)
                .containsExactlyInAnyOrder("HardDelete", "MailItemsAccessed");
    }

    @Test
    void aLostDestroyIntentRecordsTheDeleteItAnnounced() {
        replay.accept(destroyIntent("s/1", at(0), "A", "B"));
        replay.accept(hardDelete(at(1), "A"));
        replay.accept(outcome("s/1", at(2), IntentOutcome.LOST));
        List<AuditRecord> records = replay.flush();

        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.operation()).isEqualTo("HardDelete"));
        assertThat(records.stream().flatMap(r -> r.affectedItems().stream()).map(i -> i.id()))
                .containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void anIntentAnnouncesOnlyAReadADeleteOrASend() {
        MailboxAccess bind = alice.bind(at(0), "A");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessIntent("s/1", like(bind, MailboxAction.UPDATE, null)))
                .withMessageContaining("a read, a delete or move, or a send");
        assertThat(new AccessIntent("s/2", like(bind, MailboxAction.SEND, null)).kind())
                .isEqualTo(AccessIntent.Kind.SEND);
    }

    private AccessIntent destroyIntent(String id, Instant at, String... messages) {
        return new AccessIntent(id, like(hardDelete(at, messages), MailboxAction.HARD_DELETE, null));
    }

    private MailboxAccess hardDelete(Instant at, String... messages) {
        return like(alice.bind(at, messages), MailboxAction.HARD_DELETE, null);
    }

    private static MailboxAccess like(MailboxAccess a, MailboxAction operation, MailAccessType type) {
        return new MailboxAccess(
                a.time(),
                a.actor(),
                a.mailbox(),
                a.logonType(),
                operation,
                type,
                a.session(),
                a.folder(),
                null,
                a.items(),
                null,
                null);
    }

    private AccessIntent intent(String id, Instant at, String... messages) {
        MailboxAccess bind = alice.bind(at, messages);
        List<ItemRef> byId = Arrays.stream(messages)
                .map(m -> new ItemRef(null, m, null, null))
                .toList();
        return new AccessIntent(
                id,
                new MailboxAccess(
                        at,
                        bind.actor(),
                        bind.mailbox(),
                        bind.logonType(),
                        MailboxAction.MAIL_ITEMS_ACCESSED,
                        MailAccessType.BIND,
                        bind.session(),
                        bind.folder(),
                        null,
                        byId,
                        null,
                        null));
    }

    private IntentOutcome outcome(String id, Instant at, String answer) {
        return new IntentOutcome(at, ALICE, alice.session(), id, answer);
    }
}
