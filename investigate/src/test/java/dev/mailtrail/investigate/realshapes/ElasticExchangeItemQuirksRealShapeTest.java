package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.scope.AttackerHints;
import org.junit.jupiter.api.Test;

/**
 * Three ExchangeItem shapes from SIEM parser tests: a group mailbox's Create by the system account (UserId
 * S-1-5-18, LogonType 1, ExternalAccess true, ClientIP ::1, {@code Item.Attachments}, OriginatingServer ending in
 * LF; elastic/beats {@code x-pack/filebeat/module/o365/audit/test/02-exchange-item.log} line 1), a Create whose
 * numbers are all text and which carries a {@code Sender} object (elastic/integrations
 * {@code test-exchange-item-edge-cases.json} event 2), and an application's AttachmentAccess (RecordType 50)
 * listing {@code Messages[].MessageItems[]} with a SizeInBytes written {@code 1156492.00}
 * (elastic/integrations {@code test-exchange-access-event.json} event 1, abridged). By hand: the group mailbox
 * financeteam@ got its welcome message; alice@contoso.com's mailbox got a Teams notification; an app opened
 * the attachments of three messages in alice's mailbox from 203.0.113.5.
 */
class ElasticExchangeItemQuirksRealShapeTest {
    private static final String FIXTURE = "elastic-exchange-item-quirks.jsonl";
    private static final String STRINGLY = "0f1e2d3c-4b5a-4697-a8b9-cadbecfd0e1f";
    private static final String ATTACHMENT_ACCESS = "8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968";

    @Test
    void importsAllThreeRecordsWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.auditRecords())
                .extracting(AuditRecord::operation)
                .containsExactly("Create", "Create", "AttachmentAccess");
    }

    @Test
    void numbersWrittenAsTextAreReadAsNumbers() throws Exception {
        AuditRecord stringly = RealShapes.imported(FIXTURE).record(STRINGLY);

        assertThat(stringly.recordType()).isEqualTo(2);
        assertThat(stringly.logonType()).isZero();
        assertThat(stringly.userType()).isZero();
        assertThat(stringly.version()).isEqualTo(1);
    }

    @Test
    void theSenderObjectAndTheDecimalSizeAreKeptAsWritten() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.written(STRINGLY)).contains("\"Sender\":{\"UPN\":\"helpdesk@contoso.com\"");
        assertThat(imported.written(ATTACHMENT_ACCESS)).contains("\"SizeInBytes\":1156492.00");
    }

    @Test
    void eachRecordIsItsMailboxs() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.scope("financeteam@contoso.onmicrosoft.com", AttackerHints.none())
                        .records())
                .isEqualTo(1);
        assertThat(imported.scope("alice@contoso.com", AttackerHints.none()).records())
                .isEqualTo(2);
    }
}
