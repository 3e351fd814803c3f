package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RejectsTest {

    @Test
    void badRowsGoToRejectsWithLineAndReasonAndTheImportGoesOn() throws Exception {
        CollectingSink sink = new CollectingSink();
        ImportSummary summary = Fixtures.importInto(sink, Fixtures.path("bad-rows.csv"));

        assertThat(summary.read()).isEqualTo(5);
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(3);
        assertThat(sink.records).extracting(r -> r.origin().line()).containsExactly(2L, 5L);
        assertThat(sink.rejects).extracting(Reject::line).containsExactly(3L, 4L, 6L);
        assertThat(sink.rejects.get(0).reason())
                .isEqualTo("AuditData: invalid JSON at column 212: Unexpected end-of-input: was expecting closing quote"
                        + " for a string value");
        assertThat(sink.rejects.get(1).reason()).isEqualTo("CreationDate: \"13/45/2026\" is not a date");
        assertThat(sink.rejects.get(2).reason()).startsWith("row: 5 fields where the header has 4");
        assertThat(sink.rejects).allSatisfy(r -> assertThat(r.file())
                .endsWith(Fixtures.path("bad-rows.csv").getFileName()));
    }

    @Test
    void aRejectKeepsItsRowSoItCanBeFixedAndImportedAgain() throws Exception {
        CollectingSink sink = new CollectingSink();
        Fixtures.importInto(sink, Fixtures.path("bad-rows.csv"));

        assertThat(sink.rejects.get(1).content())
                .startsWith("13/45/2026,ceo@contoso.example,New-InboxRule,\"{\"\"CreationTime\"\":");
    }

    @Test
    void rejectsFileHoldsOneJsonLinePerReject() throws Exception {
        CollectingSink sink = new CollectingSink();
        Fixtures.importInto(sink, Fixtures.path("bad-rows.csv"));
        StringWriter out = new StringWriter();

        try (RejectsFile rejects = new RejectsFile(out)) {
            for (Reject reject : sink.rejects) {
                rejects.write(reject);
            }
        }

        assertThat(out.toString().lines()).hasSize(3);
        assertThat(out.toString().lines().toList().get(1))
                .contains("\"line\":4")
                .contains("\"reason\":\"CreationDate: \\\"13/45/2026\\\" is not a date\"")
                .contains("bad-rows.csv");
    }
}
