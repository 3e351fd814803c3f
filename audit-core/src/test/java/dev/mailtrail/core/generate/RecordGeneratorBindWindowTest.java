package dev.mailtrail.core.generate;

import static dev.mailtrail.core.generate.Replay.at;
import static dev.mailtrail.core.generate.Replay.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MailItemsAccessed Bind: one record per context per 2-minute window, closed on the clock. */
class RecordGeneratorBindWindowTest {
    private static final String ALICE = "alice@contoso.com";
    private static final String BOB = "bob@contoso.com";

    private final Replay replay = new Replay();
    private final Access alice = Access.owner(ALICE);

    @Test
    void microsoftsWorkedExampleMakesThreeRecords() {
        Access ip1session2 = alice.ip("IP1").session("session2");
        Access ip2session2 = alice.ip("IP2").session("session2");
        Access ip1session3 = alice.ip("IP1").session("session3");

        replay.accept(ip1session2.bind(at(0), "A"));
        replay.accept(ip2session2.bind(at(5), "A"));
        replay.accept(ip1session2.bind(at(10), "D", "E"));
        replay.accept(ip1session3.bind(at(20), "B"));
        replay.accept(ip2session2.bind(at(30), "C"));
        replay.accept(ip1session2.bind(at(40), "F"));
        List<AuditRecord> records = replay.flush();

        assertThat(records).hasSize(3);
        assertThat(records)
                .extracting(
                        r -> r.clientIpAddress() + "/" + r.sessionId(), Replay::messages, AuditRecord::operationCount)
                .containsExactlyInAnyOrder(
                        tuple("IP1/session2", List.of("A", "D", "E", "F"), 4),
                        tuple("IP2/session2", List.of("A", "C"), 2),
                        tuple("IP1/session3", List.of("B"), 1));
        assertThat(replay.statistics().bindsRecorded()).isEqualTo(7);
    }

    @Test
    void anAggregatedRecordHasExchangesShape() {
        replay.accept(alice.bind(at(0), "A"));
        replay.accept(alice.in("\\Finance").bind(at(30), "B", "C"));
        AuditRecord record = replay.flush().getFirst();

        assertThat(record.recordType()).isEqualTo(RecordType.EXCHANGE_ITEM_AGGREGATED);
        assertThat(record.operation()).isEqualTo("MailItemsAccessed");
        assertThat(record.creationTime()).isEqualTo(at(0));
        assertThat(record.mailAccessType()).isEqualTo("Bind");
        assertThat(record.isThrottled()).isFalse();
        assertThat(record.operationProperty("IsThrottled")).isEqualTo("False");
        assertThat(record.operationCount()).isEqualTo(3);
        assertThat(record.folders()).extracting(FolderItems::path).containsExactly("\\Inbox", "\\Finance");
        assertThat(record.folders().get(1).folderItems())
                .extracting(i -> i.internetMessageId())
                .containsExactly("<B@contoso.com>", "<C@contoso.com>");
        assertThat(record.mailboxOwnerUpn()).isEqualTo(ALICE);
        assertThat(record.userId()).isEqualTo(ALICE);
        assertThat(record.logonType()).isZero();
        assertThat(record.clientInfoString()).isEqualTo("Client=IMAP4");
        assertThat(record.resultStatus()).isEqualTo("Succeeded");
        assertThat(record.workload()).isEqualTo("Exchange");
        assertThat(record.syncedItems()).isNull();
    }

    @Test
    void eachContextFieldSplitsRecords() {
        replay.accept(alice.bind(at(0), "A"));
        replay.accept(alice.clientInfo("Client=POP3").bind(at(1), "B"));
        replay.accept(alice.by(BOB, LogonType.DELEGATE).bind(at(2), "C"));
        replay.accept(alice.by(ALICE, LogonType.ADMIN).bind(at(3), "D"));
        replay.accept(Access.owner("carol@contoso.com").bind(at(4), "E"));
        replay.accept(alice.bind(at(5), "F"));

        assertThat(replay.flush()).hasSize(5);
        assertThat(replay.records.stream().filter(r -> r.operationCount() == 2)).hasSize(1);
    }

    @Test
    void aWindowLastsTwoMinutesFromItsFirstBind() {
        replay.accept(alice.bind(at(0), "A"));
        replay.accept(alice.bind(at(119), "B"));
        replay.accept(alice.bind(at(120), "C"));
        replay.flush();

        assertThat(replay.records).extracting(Replay::messages).containsExactly(List.of("A", "B"), List.of("C"));
        assertThat(replay.records).extracting(AuditRecord::creationTime).containsExactly(at(0), at(120));
    }

    @Test
    void windowsCloseOnTheClockWithoutAFurtherEvent() {
        replay.accept(alice.bind(at(0), "A"));
        replay.accept(alice.session("session2").bind(at(60), "B"));

        replay.advanceTo(at(Duration.ofMinutes(2).minusMillis(1)));
        assertThat(replay.records).isEmpty();
        assertThat(replay.generator.openWindows()).isEqualTo(2);

        replay.advanceTo(at(Duration.ofMinutes(2)));
        assertThat(replay.records).extracting(Replay::messages).containsExactly(List.of("A"));

        replay.advanceTo(at(Duration.ofMinutes(3)));
        assertThat(replay.records).extracting(Replay::messages).containsExactly(List.of("A"), List.of("B"));
        assertThat(replay.generator.openWindows()).isZero();
    }

    @Test
    void theNextEventClosesWindowsWhoseTimeIsUp() {
        replay.accept(alice.bind(at(0), "A"));

        replay.accept(Access.owner("carol@contoso.com").operation(at(600), MailboxAction.SOFT_DELETE, "X"));

        assertThat(replay.mailItemsAccessed()).hasSize(1);
    }

    @Test
    void flushLosesNothing() {
        for (int i = 0; i < 50; i++) {
            replay.accept(alice.session("s" + (i % 7)).bind(at(i), "M" + i));
        }
        assertThat(replay.records).isEmpty();

        replay.flush();

        assertThat(replay.records.stream().mapToInt(AuditRecord::operationCount).sum())
                .isEqualTo(50);
        assertThat(replay.records).hasSize(7);
        assertThat(replay.generator.openWindows()).isZero();
        assertThat(replay.statistics().bindsSeen()).isEqualTo(50);
        assertThat(replay.statistics().bindsRecorded()).isEqualTo(50);
    }

    @Test
    void aFlushWithNothingOpenMakesNothing() {
        replay.flush();
        replay.flush();

        assertThat(replay.records).isEmpty();
    }

    @Test
    void theMailboxIsNamedAsItWasFirstKnown() {
        replay.accept(
                Access.owner("Alice@Contoso.com").by(BOB, LogonType.DELEGATE).bind(at(0), "A"));
        replay.accept(
                Access.owner("alice@contoso.com").by(BOB, LogonType.DELEGATE).bind(at(1), "B"));

        List<AuditRecord> records = replay.flush();

        assertThat(records).hasSize(1);
        assertThat(records.getFirst().mailboxOwnerUpn()).isEqualTo("Alice@Contoso.com");
        assertThat(messages(records.getFirst())).containsExactly("A", "B");
    }

    @Test
    void aBindWithoutItemsMakesNoRecord() {
        replay.accept(alice.bind(at(0)));

        assertThat(replay.flush()).isEmpty();
        assertThat(replay.statistics().bindsSeen()).isZero();
    }

    @Test
    void eventsOlderThanTheClockStillAggregateByTheirOwnTime() {
        // a backfill after the clock moved on (a tick or a flush at today's time): the two reads are 30 s apart
        replay.advanceTo(at(Duration.ofDays(200)));
        replay.accept(alice.session("s-late").bind(at(0), "A"));
        replay.accept(alice.session("s-late").bind(at(30), "B"));
        replay.accept(alice.session("s-late").bind(at(200), "C"));
        List<AuditRecord> records = replay.flush();

        assertThat(records)
                .extracting(AuditRecord::creationTime, Replay::messages, AuditRecord::operationCount)
                .containsExactly(tuple(at(0), List.of("A", "B"), 2), tuple(at(200), List.of("C"), 1));
    }
}
