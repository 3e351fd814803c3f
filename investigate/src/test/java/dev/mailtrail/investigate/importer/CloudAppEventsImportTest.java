package dev.mailtrail.investigate.importer;

import static dev.mailtrail.investigate.importer.UnifiedAuditLogJsonImportTest.assertMailItemsAccessedBind;
import static dev.mailtrail.investigate.importer.UnifiedAuditLogJsonImportTest.assertUpdateInboxRules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.importer.detect.ExportFormat;
import org.junit.jupiter.api.Test;

/**
 * Defender XDR's {@code CloudAppEvents}, whose {@code RawEventData} is the AuditData for Microsoft 365's apps: the
 * portal's CSV (the table's documented columns; the reader does not read {@code Timestamp}, whose spelling the
 * portal chooses), the streaming API's records (the property order of a live capture) and Graph's
 * {@code runHuntingQuery} response. Each file ends with a
 * Google Workspace row from that capture, which holds no AuditData. The Exchange rows are lines 2 and 3 of
 * audit-data.jsonl.
 */
class CloudAppEventsImportTest {

    @Test
    void portalCsvImportsTheRawEventDataOfEachRow() throws Exception {
        CollectingSink sink = Fixtures.imported("shapes/cloudappevents-portal.csv");

        assertThat(sink.records).hasSize(2);
        ImportedRecord bind = sink.records.getFirst();
        assertThat(bind.origin().format()).isEqualTo(ExportFormat.CLOUD_APP_EVENTS_CSV);
        assertMailItemsAccessedBind(bind.record());
        assertThat(bind.exportColumns())
                .containsEntry("ActionType", "MailItemsAccessed")
                .containsEntry("Application", "Microsoft Exchange Online")
                .containsEntry("IPAddress", "203.0.113.5")
                .containsEntry("ReportId", "7d4f2e50-a183-4f3c-9e29-4b9b4d8e3c03_20893")
                .doesNotContainKey("RawEventData");
        assertUpdateInboxRules(sink.records.get(1).record());
        assertThat(sink.rejects).singleElement().satisfies(google -> {
            assertThat(google.line()).isEqualTo(4);
            assertThat(google.reason()).isEqualTo("CreationTime: missing");
        });
    }

    @Test
    void streamingApiRecordsImportTheirProperties() throws Exception {
        CollectingSink sink = Fixtures.imported("shapes/cloudappevents-streaming.json");

        assertThat(sink.records).extracting(r -> r.origin().line()).containsExactly(1L, 2L);
        ImportedRecord bind = sink.records.getFirst();
        assertThat(bind.origin().format()).isEqualTo(ExportFormat.CLOUD_APP_EVENTS_JSON);
        assertMailItemsAccessedBind(bind.record());
        assertThat(bind.exportColumns())
                .containsEntry("Timestamp", "2026-03-04T21:41:17.512Z")
                .containsEntry("AccountObjectId", "5e0c7a1d-2b3f-4c5d-8e9f-0a1b2c3d4e5f");
        assertUpdateInboxRules(sink.records.get(1).record());
        assertThat(sink.rejects).singleElement().satisfies(google -> {
            assertThat(google.line()).isEqualTo(3);
            assertThat(google.reason())
                    .isEqualTo("RawEventData: no CreationTime, so no Microsoft 365 audit record"
                            + " (Application Google Workspace)");
        });
    }

    @Test
    void aHuntingQueryResponseImportsItsResults() throws Exception {
        // Graph's runHuntingQuery: {"schema":[…],"results":[…]}, RawEventData given as JSON text.
        CollectingSink sink = Fixtures.imported("shapes/cloudappevents-runhuntingquery.json");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).hasSize(2);
        ImportedRecord bind = sink.records.getFirst();
        assertThat(bind.origin().format()).isEqualTo(ExportFormat.CLOUD_APP_EVENTS_JSON);
        assertMailItemsAccessedBind(bind.record());
        assertThat(bind.exportColumns()).containsEntry("ActionType", "MailItemsAccessed");
        assertUpdateInboxRules(sink.records.get(1).record());
    }

    @Test
    void theRowsAreTheSameRecordsAsTheAuditDataTheyCarry() throws Exception {
        CollectingSink sink = new CollectingSink();
        ImportSummary summary = Fixtures.importInto(
                sink,
                Fixtures.path("audit-data.jsonl"),
                Fixtures.path("shapes/cloudappevents-portal.csv"),
                Fixtures.path("shapes/cloudappevents-streaming.json"),
                Fixtures.path("shapes/cloudappevents-runhuntingquery.json"));

        assertThat(sink.records).hasSize(3);
        assertThat(summary.files()).extracting(FileSummary::duplicates).containsExactly(0L, 2L, 2L, 2L);
    }
}
