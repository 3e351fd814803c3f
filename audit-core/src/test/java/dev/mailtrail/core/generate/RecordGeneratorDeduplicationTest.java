package dev.mailtrail.core.generate;

import static dev.mailtrail.core.generate.Replay.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A repeat bind of the same message within an hour makes nothing new, unless its context or folder differs. */
class RecordGeneratorDeduplicationTest {
    private final Replay replay = new Replay();
    private final Access alice = Access.owner("alice@contoso.com");

    @Test
    void aRepeatWithinTheWindowCountsOnce() {
        replay.accept(alice.bind(at(0), "A", "A"));
        replay.accept(alice.bind(at(10), "A"));

        assertThat(replay.flush()).singleElement().satisfies(r -> {
            assertThat(Replay.messages(r)).containsExactly("A");
            assertThat(r.operationCount()).isEqualTo(1);
        });
        assertThat(replay.statistics().bindsDeduplicated()).isEqualTo(2);
    }

    @Test
    void aRepeatWithinTheHourMakesNoRecordAtAll() {
        replay.accept(alice.bind(at(0), "A"));
        replay.accept(alice.bind(at(Duration.ofMinutes(30)), "A"));
        replay.accept(alice.bind(at(Duration.ofMinutes(59).plusSeconds(59)), "A"));

        assertThat(replay.flush()).hasSize(1);
        assertThat(replay.statistics().bindsDeduplicated()).isEqualTo(2);
        assertThat(replay.statistics().bindsSeen()).isEqualTo(3);
    }

    @Test
    void aRepeatAfterAnHourIsRecordedAgain() {
        replay.accept(alice.bind(at(0), "A"));
        replay.accept(alice.bind(at(Duration.ofHours(1)), "A"));

        assertThat(replay.flush()).extracting(r -> r.creationTime()).containsExactly(at(0), at(Duration.ofHours(1)));
    }

    @Test
    void aRepeatInAnotherFolderIsRecorded() {
        replay.accept(alice.bind(at(0), "A"));
        replay.accept(alice.in("\\Archive").bind(at(Duration.ofMinutes(10)), "A"));

        assertThat(replay.flush()).hasSize(2);
        assertThat(replay.records.get(1).folders().getFirst().path()).isEqualTo("\\Archive");
    }

    @Test
    void aRepeatInAnotherSessionOrFromAnotherAddressIsRecorded() {
        replay.accept(alice.bind(at(0), "A"));
        replay.accept(alice.session("session2").bind(at(Duration.ofMinutes(10)), "A"));
        replay.accept(alice.ip("203.0.113.7").bind(at(Duration.ofMinutes(20)), "A"));

        List<String> contexts = replay.flush().stream()
                .map(r -> r.sessionId() + "@" + r.clientIpAddress())
                .toList();
        assertThat(contexts).containsExactly("session1@192.0.2.1", "session2@192.0.2.1", "session1@203.0.113.7");
        assertThat(replay.statistics().bindsDeduplicated()).isZero();
    }

    @Test
    void aRepeatByAnotherActorIsRecorded() {
        replay.accept(alice.bind(at(0), "A"));
        replay.accept(alice.by("bob@contoso.com", LogonType.DELEGATE).bind(at(Duration.ofMinutes(10)), "A"));

        assertThat(replay.flush()).hasSize(2);
    }

    @Test
    void onlyTheRepeatedMessagesOfABindAreDropped() {
        replay.accept(alice.bind(at(0), "A", "B"));
        replay.accept(alice.bind(at(Duration.ofMinutes(5)), "B", "C"));

        assertThat(replay.flush()).extracting(Replay::messages).containsExactly(List.of("A", "B"), List.of("C"));
    }
}
