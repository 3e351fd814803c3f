package dev.mailtrail.investigate.importer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InMemoryKnownRecordsTest {

    @Test
    void anIdentitySeenBeforeIsADuplicateAcrossGrowth() {
        InMemoryKnownRecords known = new InMemoryKnownRecords();
        SplittableRandom random = new SplittableRandom(7);
        RecordIdentity[] identities = new RecordIdentity[300_000];
        for (int i = 0; i < identities.length; i++) {
            identities[i] = new RecordIdentity(random.nextLong(), random.nextLong());
            assertThat(known.add(identities[i])).isTrue();
        }

        for (RecordIdentity identity : identities) {
            assertThat(known.add(identity)).isFalse();
        }
        assertThat(known.size()).isEqualTo(300_000);
    }

    @Test
    void identitiesDifferingInOneHalfAreDifferent() {
        InMemoryKnownRecords known = new InMemoryKnownRecords();

        assertThat(known.add(new RecordIdentity(1, 2))).isTrue();
        assertThat(known.add(new RecordIdentity(3, 2))).isTrue();
        assertThat(known.add(new RecordIdentity(1, 2))).isFalse();
    }
}
