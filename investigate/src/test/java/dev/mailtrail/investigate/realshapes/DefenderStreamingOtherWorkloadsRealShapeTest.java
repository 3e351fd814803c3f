package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.scope.AttackerHints;
import org.junit.jupiter.api.Test;

/**
 * Defender streaming API records of other workloads: an AIR investigation (RecordType 64, nulls in most
 * columns, pretty-printed over many lines as published) and a Teams read receipt (RecordType 25, nested
 * ParticipantInfo) on one line after it: the shapes of SEKOIA-IO/intake-formats
 * {@code Microsoft/microsoft-365-defender/tests/test_cloud_app2.json} and {@code test_cloud_app4.json}. By hand:
 * two records, one of them alice@contoso.com's (a Teams read receipt, nothing about mail).
 */
class DefenderStreamingOtherWorkloadsRealShapeTest {
    private static final String FIXTURE = "defender-streaming-other-workloads.json";

    @Test
    void importsBothRecordsWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.auditRecords())
                .extracting(AuditRecord::operation)
                .containsExactly("AirInvestigationData", "MessageReadReceiptReceived");
    }

    @Test
    void theTeamsRecordIsAlicesAndReadsNoMail() throws Exception {
        var scope = RealShapes.imported(FIXTURE).scope("alice@contoso.com", AttackerHints.none());

        assertThat(scope.records()).isEqualTo(1);
        assertThat(scope.reads()).isEmpty();
    }
}
