package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.importer.identity.InMemoryKnownRecords;
import dev.mailtrail.investigate.importer.identity.KnownRecords;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeduplicationTest {

    @Test
    void theSameRecordInFourFormatsIsImportedOnce() throws Exception {
        CollectingSink sink = new CollectingSink();
        ImportSummary summary = Fixtures.importInto(sink, Fixtures.path("same-record"));

        // Purview CSV, Export-Csv, a pretty-printed blob with other key order and a .0000000Z time, JSON Lines
        // with "ExternalAccess":"False": one MailItemsAccessed record, plus one other record in the JSON Lines.
        assertThat(summary.files()).hasSize(4);
        assertThat(summary.read()).isEqualTo(5);
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.duplicates()).isEqualTo(3);
        assertThat(summary.rejected()).isZero();
        assertThat(sink.records)
                .extracting(r -> r.record().id())
                .containsExactly("5b2d0c3e-8f61-4d1a-9c07-2f7f2b6c1a01", "7d4f2e50-a183-4f3c-9e29-4b9b4d8e3c03");
    }

    @Test
    void twoDifferentRecordsSharingAnIdAreBothKept() throws Exception {
        CollectingSink sink = new CollectingSink();
        ImportSummary summary = Fixtures.importInto(sink, Fixtures.path("anonymised-ids.jsonl"));

        assertThat(summary.read()).isEqualTo(3);
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(sink.records).extracting(r -> r.record().id()).containsOnly("00000000-0000-0000-0000-000000000000");
        assertThat(sink.records.get(0).identity())
                .isNotEqualTo(sink.records.get(1).identity());
    }

    @Test
    void importingTheSameFileAgainIntoTheSameCaseAddsNothing() throws Exception {
        KnownRecords known = new InMemoryKnownRecords();
        Importer importer = new Importer(ImportOptions.defaults(), known);
        CollectingSink first = new CollectingSink();
        CollectingSink second = new CollectingSink();

        importer.run(List.of(Fixtures.path("purview-audit-search.csv")), first, ImportProgress.NONE);
        ImportSummary again =
                importer.run(List.of(Fixtures.path("search-unifiedauditlog.csv")), second, ImportProgress.NONE);

        assertThat(first.records).hasSize(5);
        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(second.records).isEmpty();
    }
}
