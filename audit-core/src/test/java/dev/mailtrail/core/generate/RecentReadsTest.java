package dev.mailtrail.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RecentReadsTest {
    private static final long HOUR = 3_600_000;

    private final RecentReads reads = new RecentReads(HOUR);

    @Test
    void aReadIsRecentForLessThanAnHour() {
        assertThat(reads.recordUnlessRecent("\\Inbox", "<a@x>", 0)).isTrue();
        assertThat(reads.recordUnlessRecent("\\Inbox", "<a@x>", HOUR - 1)).isFalse();
        assertThat(reads.recordUnlessRecent("\\Inbox", "<a@x>", HOUR)).isTrue();
        assertThat(reads.recordUnlessRecent("\\Inbox", "<a@x>", 2 * HOUR - 1)).isFalse();
    }

    @Test
    void theFolderIsPartOfTheRead() {
        reads.recordUnlessRecent("\\Inbox", "<a@x>", 0);

        assertThat(reads.recordUnlessRecent("\\Archive", "<a@x>", 1)).isTrue();
        assertThat(reads.recordUnlessRecent(null, "<a@x>", 2)).isTrue();
        assertThat(reads.recordUnlessRecent(null, "<a@x>", 3)).isFalse();
    }

    @Test
    void messagesCompareByContentNotByInstance() {
        reads.recordUnlessRecent("\\Inbox", new String("<a@x>"), 0);

        assertThat(reads.recordUnlessRecent(new String("\\Inbox"), new String("<a@x>"), 1))
                .isFalse();
    }

    @Test
    void expiredReadsAreDroppedAsTheTableFills() {
        for (int i = 0; i < 1_000; i++) {
            reads.recordUnlessRecent("\\Inbox", "<" + i + "@x>", i * 60_000L);
        }

        assertThat(reads.size()).isLessThanOrEqualTo(2 * 61);
        assertThat(reads.recordUnlessRecent("\\Inbox", "<999@x>", 999 * 60_000L + 1))
                .isFalse();
        assertThat(reads.recordUnlessRecent("\\Inbox", "<0@x>", 999 * 60_000L + 1))
                .isTrue();
    }

    @Test
    void nothingIsRecentAnHourAfterTheLastRead() {
        reads.recordUnlessRecent("\\Inbox", "<a@x>", 0);
        reads.recordUnlessRecent("\\Inbox", "<b@x>", 1_000);

        assertThat(reads.expiredAt(HOUR)).isFalse();
        assertThat(reads.expiredAt(HOUR + 1_000)).isTrue();
    }

    record Read(long gapMillis, int folder, int message) {}

    @Provide
    Arbitrary<List<Read>> reads() {
        Arbitrary<Long> gap = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 60_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(60_000, 2 * HOUR)));
        return Combinators.combine(
                        gap,
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 60))
                .as(Read::new)
                .list()
                .ofMaxSize(600);
    }

    /** Against a plain map of last-recorded times: the table's deletions and growth never lose or invent a read. */
    @Property(tries = 60)
    void answersAsAMapOfLastRecordedTimesWould(@ForAll("reads") List<Read> sequence) {
        RecentReads table = new RecentReads(HOUR);
        Map<String, Long> model = new HashMap<>();
        long time = 0;
        for (Read read : sequence) {
            time += read.gapMillis();
            String folder = read.folder() == 0 ? null : "\\F" + read.folder();
            String message = "<m" + read.message() + "@x>";
            Long last = model.get(folder + "|" + message);
            boolean expected = last == null || time - last >= HOUR;
            if (expected) {
                model.put(folder + "|" + message, time);
            }

            assertThat(table.recordUnlessRecent(folder, message, time)).isEqualTo(expected);
        }
    }
}
