package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.MessageRead;
import dev.mailtrail.investigate.scope.Scope;
import org.junit.jupiter.api.Test;

/**
 * A Create from Outlook for iOS (ClientRequestId "2391", Item with IsRecord and SizeInBytes) and an Update by a
 * REST app with an IPv6 ClientIPAddress and {@code ModifiedProperties} as an array of property names (not the
 * Name/NewValue objects of other workloads): the shapes of SEKOIA-IO/intake-formats
 * {@code Office 365/o365/tests/exchange_event1.json} and {@code exchange_item_update.json} (24 of the Update's 51
 * property names kept). By hand: in alice@contoso.com's \Brouillons, the draft "Q1 payment run - bank details"
 * was created and "Vendor master data change" edited (sender, body, subject and recipients among the changes);
 * both are among the messages the sensitivity fixture reads.
 */
class CreateAndUpdateItemsRealShapeTest {
    private static final String FIXTURE = "sekoia-create-and-update-items.jsonl";

    @Test
    void importsBothRecordsWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(2);
        assertThat(imported.scope("alice@contoso.com", RealShapes.ips("192.0.2.44"))
                        .records())
                .isEqualTo(2);
    }

    @Test
    void theModifiedPropertyNamesAreKept() throws Exception {
        assertThat(RealShapes.imported(FIXTURE).written(1))
                .contains("\"ModifiedProperties\":[\"MapiEndTime\",\"MapiPREndDate\"");
    }

    @Test
    void theReadsOfBothDraftsAreNamedWithTheSubjectsTheseRecordsGive() throws Exception {
        Scope scope = RealShapes.imported("sekoia-mailitemsaccessed-sensitivity.jsonl", FIXTURE)
                .scope("alice@contoso.com", RealShapes.ips("203.0.113.10"));

        assertThat(scope.reads())
                .extracting(read -> read.message().subject())
                .containsExactly("Q1 payment run - bank details", "Vendor master data change", null);
        assertThat(scope.reads()).extracting(MessageRead::folder).containsOnly("\\Brouillons");
    }
}
