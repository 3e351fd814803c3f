package dev.mailtrail.core.generate;

import static dev.mailtrail.core.generate.Replay.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.config.ThrottlingMode;
import dev.mailtrail.core.record.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code exchange} throttling: the record that takes a mailbox over 1,000 in 24 hours is IsThrottled=True and
 * Bind records stop for 24 hours while Sync goes on; {@code off} suppresses nothing. Both count what they do.
 */
class RecordGeneratorThrottlingTest {
    private static final Duration DAY = Duration.ofHours(24);
    /** Bind i (one per second from T0, each in its own session) closes its window two minutes later. */
    private static final Instant CROSSING = at(1000 + 120);

    private final Replay replay = new Replay(OrganizationConfig.defaults().withThrottling(ThrottlingMode.EXCHANGE));
    private final Access alice = Access.owner("alice@contoso.com");

    @Test
    void theRecordCrossingAThousandInADayIsThrottled() {
        oneRecordPerSecond(replay, 1001);

        List<AuditRecord> records = replay.mailItemsAccessed();
        assertThat(records).hasSize(1001);
        assertThat(records.subList(0, 1000)).noneMatch(AuditRecord::isThrottled);
        assertThat(records.get(1000).isThrottled()).isTrue();
        assertThat(records.get(1000).operationProperty("IsThrottled")).isEqualTo("True");
        assertThat(records.get(1000).sessionId()).isEqualTo("s1000");
        assertThat(replay.statistics().throttledRecords()).isEqualTo(1);
    }

    @Test
    void aThousandRecordsAreNotThrottled() {
        oneRecordPerSecond(replay, 1000);

        assertThat(replay.mailItemsAccessed()).hasSize(1000).noneMatch(AuditRecord::isThrottled);
        replay.accept(alice.bind(at(Duration.ofHours(1)), "late"));
        assertThat(replay.flush()).hasSize(1001);
    }

    @Test
    void furtherBindsAreSuppressedAndCounted() {
        oneRecordPerSecond(replay, 1001);

        replay.accept(alice.bind(CROSSING.plusSeconds(1), "X", "Y"));
        replay.accept(alice.session("other").bind(CROSSING.plus(DAY).minusSeconds(1), "Z"));
        replay.flush();

        assertThat(replay.mailItemsAccessed()).hasSize(1001);
        assertThat(replay.statistics().bindsThrottled()).isEqualTo(3);
        assertThat(replay.statistics().bindsSeen()).isEqualTo(1004);
    }

    @Test
    void syncContinuesWhileBindsAreThrottled() {
        oneRecordPerSecond(replay, 1001);

        replay.accept(alice.sync(CROSSING.plus(Duration.ofHours(2))));
        replay.flush();

        assertThat(replay.mailItemsAccessed().getLast().mailAccessType()).isEqualTo("Sync");
        assertThat(replay.statistics().syncsRecorded()).isEqualTo(1);
    }

    @Test
    void otherActionsAndOtherMailboxesContinue() {
        oneRecordPerSecond(replay, 1001);

        replay.accept(alice.operation(CROSSING.plusSeconds(5), MailboxAction.SOFT_DELETE, "A"));
        replay.accept(Access.owner("carol@contoso.com").bind(CROSSING.plusSeconds(6), "B"));
        replay.flush();

        assertThat(replay.records.subList(1001, replay.records.size()))
                .extracting(AuditRecord::operation, AuditRecord::mailboxOwnerUpn)
                .containsExactly(
                        tuple("SoftDelete", "alice@contoso.com"), tuple("MailItemsAccessed", "carol@contoso.com"));
    }

    @Test
    void bindsResumeAfterTwentyFourHours() {
        oneRecordPerSecond(replay, 1001);

        replay.accept(alice.bind(CROSSING.plus(DAY).minusMillis(1), "still throttled"));
        replay.accept(alice.session("next day").bind(CROSSING.plus(DAY), "recorded"));
        replay.flush();

        assertThat(replay.mailItemsAccessed()).hasSize(1002);
        assertThat(Replay.messages(replay.mailItemsAccessed().getLast())).containsExactly("recorded");
        assertThat(replay.mailItemsAccessed().getLast().isThrottled()).isFalse();
        assertThat(replay.statistics().bindsThrottled()).isEqualTo(1);
    }

    @Test
    void bindsStillInAWindowWhenTheLineIsCrossedAreCountedAsThrottled() {
        for (int i = 0; i < 1001; i++) {
            replay.accept(alice.session("s" + i).bind(at(i), "M" + i));
        }
        replay.accept(alice.session("late").bind(at(1050), "open", "window"));

        replay.advanceTo(at(1050 + 120));

        assertThat(replay.mailItemsAccessed()).hasSize(1001).noneMatch(r -> "late".equals(r.sessionId()));
        assertThat(replay.statistics().bindsThrottled()).isEqualTo(2);
        assertThat(replay.statistics().bindsSeen()).isEqualTo(1003);
    }

    @Test
    void aQuietSpellBeforeTheNextEventDoesNotChangeWhichRecordIsThrottled() {
        for (int i = 0; i < 1001; i++) {
            replay.accept(alice.session("s" + i).bind(at(i), "M" + i));
        }

        replay.accept(Access.owner("carol@contoso.com").bind(at(Duration.ofHours(30)), "next"));

        List<AuditRecord> alices = replay.mailItemsAccessed().stream()
                .filter(r -> r.mailboxOwnerUpn().equals("alice@contoso.com"))
                .toList();
        assertThat(alices).hasSize(1001);
        assertThat(alices.getLast().isThrottled()).isTrue();
        assertThat(replay.statistics().throttledRecords()).isEqualTo(1);
    }

    @Test
    void aWindowClosedLateIsStillSuppressedByTheThrottleInForceWhenItEnded() {
        for (int i = 0; i < 1001; i++) {
            replay.accept(alice.session("s" + i).bind(at(i), "M" + i));
        }
        replay.accept(alice.session("late").bind(at(1050), "open"));

        replay.accept(Access.owner("carol@contoso.com").bind(at(Duration.ofHours(30)), "next"));

        assertThat(replay.mailItemsAccessed()).noneMatch(r -> "late".equals(r.sessionId()));
        assertThat(replay.statistics().bindsThrottled()).isEqualTo(1);
    }

    @Test
    void offSuppressesNothing() {
        Replay lossless = new Replay();

        oneRecordPerSecond(lossless, 1500);
        lossless.accept(alice.bind(at(Duration.ofHours(1)), "more"));
        lossless.flush();

        assertThat(lossless.mailItemsAccessed()).hasSize(1501).noneMatch(AuditRecord::isThrottled);
        assertThat(lossless.statistics().bindsThrottled()).isZero();
        assertThat(lossless.statistics().throttledRecords()).isZero();
        assertThat(lossless.statistics().bindsRecorded()).isEqualTo(1501);
    }

    @Test
    void throttlingCanBeTurnedOnByCmdlet() {
        Replay switched = new Replay();
        switched.run(at(0), "Set-OrganizationConfig -MailItemsAccessedThrottling Exchange");

        oneRecordPerSecond(switched, 1001);

        assertThat(switched.mailItemsAccessed().getLast().isThrottled()).isTrue();
    }

    /** Records 1 … n for alice: bind i at T0 + i s in session s{i}; the clock then stops at the last closing. */
    private static void oneRecordPerSecond(Replay replay, int n) {
        Access alice = Access.owner("alice@contoso.com");
        for (int i = 0; i < n; i++) {
            replay.accept(alice.session("s" + i).bind(at(i), "M" + i));
        }
        replay.advanceTo(at(n - 1 + 120));
    }
}
