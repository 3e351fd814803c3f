package dev.mailtrail.app.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.importer.identity.RecordIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownRecordsFileTest {
    @TempDir
    Path dir;

    @Test
    void identitiesPersistedAreKnownWhenTheCaseIsOpenedAgainAndUnpersistedOnesAreNot() throws Exception {
        Path file = dir.resolve("known-records.bin");
        KnownRecordsFile first = new KnownRecordsFile(file);
        for (long i = 0; i < 5_000; i++) {
            assertThat(first.add(new RecordIdentity(i, ~i))).isTrue();
        }
        assertThat(first.add(new RecordIdentity(7, ~7L))).isFalse();
        first.persist();
        first.add(new RecordIdentity(-1, -1));

        KnownRecordsFile reopened = new KnownRecordsFile(file);

        assertThat(reopened.size()).isEqualTo(5_000);
        assertThat(reopened.add(new RecordIdentity(4_999, ~4_999L))).isFalse();
        assertThat(reopened.add(new RecordIdentity(-1, -1))).isTrue();
        assertThat(Files.size(file)).isEqualTo(5_000 * 16);
    }

    @Test
    void aTornLastEntryIsIgnoredAndCutBeforeTheNextAppend() throws Exception {
        Path file = dir.resolve("known-records.bin");
        KnownRecordsFile known = new KnownRecordsFile(file);
        known.add(new RecordIdentity(1, 2));
        known.persist();
        Files.write(file, new byte[] {9, 9, 9}, StandardOpenOption.APPEND);

        KnownRecordsFile reopened = new KnownRecordsFile(file);
        reopened.add(new RecordIdentity(3, 4));
        reopened.persist();

        assertThat(reopened.size()).isEqualTo(2);
        assertThat(Files.size(file)).isEqualTo(32);
        assertThat(new KnownRecordsFile(file).add(new RecordIdentity(3, 4))).isFalse();
    }
}
