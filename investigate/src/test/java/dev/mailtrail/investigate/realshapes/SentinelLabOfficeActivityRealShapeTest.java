package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.MessageRead;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A Log Analytics export of OfficeActivity as the Sentinel training lab publishes it: 131 columns, the time in
 * {@code TimeGenerated [UTC]} (the portal's column name, with its unit) written {@code 3/4/2026, 2:54:37.000 PM},
 * RecordType as a number on one row and a name on another, multi-line quoted cells (pretty JSON in Folders and
 * Item, an OriginatingServer ending in a line feed), {@code $RestApiTenantId$} placeholders, ClientIP empty and
 * Client_IPAddress set on the read: the shape of Azure/Azure-Sentinel (MIT)
 * {@code Solutions/Training/Azure-Sentinel-Training-Lab/Artifacts/Telemetry/office_activity.csv} (its
 * MailItemsAccessed, Send and one FileAccessed row). By hand: AliceW@Contoso.OnMicrosoft.com read one message in
 * \Inbox and two in \Sent Items from 2001:db8:5:345::11 at 14:54:37, one of them the message she sent at
 * 14:44:22 from 198.51.100.121 ("Alice Wilber shared "Vendor banking changes" with you."), and opened a file.
 */
class SentinelLabOfficeActivityRealShapeTest {
    private static final String FIXTURE = "sentinel-lab-officeactivity.csv";
    private static final String MAILBOX = "alicew@contoso.onmicrosoft.com";
    private static final String SHARED =
            "<odspmicro-ReceivedShareActivity-7f3c9a1e-2b4d-4e6f-8a0c-1d3e5f7a9b2c@RD00155D3A4B5C>";

    @Test
    void importsEveryRowAtItsTimeGenerated() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.auditRecords())
                .extracting(AuditRecord::operation, AuditRecord::creationTime)
                .containsExactly(
                        tuple("MailItemsAccessed", Instant.parse("2026-03-04T14:54:37Z")),
                        tuple("FileAccessed", Instant.parse("2026-03-04T14:50:14Z")),
                        tuple("Send", Instant.parse("2026-03-04T14:44:22Z")));
    }

    @Test
    void theThreeReadsAndTheSendAreInTheScope() throws Exception {
        Scope scope =
                RealShapes.imported(FIXTURE).scope(MAILBOX, RealShapes.ips("2001:db8:5:345::11", "198.51.100.121"));

        assertThat(scope.records()).isEqualTo(3);
        assertThat(scope.reads())
                .extracting(MessageRead::internetMessageId, MessageRead::folder)
                .containsExactly(
                        tuple(
                                "<5b2e8f1a-3c4d-4e6f-9a0b-c1d2e3f4a5b6@CO1PR00FT058.eop-nam00.prod.protection.contoso.com>",
                                "\\Inbox"),
                        tuple("<CO1PR00MB0012A7B6C5D4E3F2@CO1PR00MB0012.namprd00.prod.contoso.com>", "\\Sent Items"),
                        tuple(SHARED, "\\Sent Items"));
        assertThat(scope.reads())
                .allSatisfy(read -> assertThat(read.access().ip()).isEqualTo("2001:db8:5:345::11"));
        assertThat(scope.reads().get(2).message().subject())
                .isEqualTo("Alice Wilber shared \"Vendor banking changes\" with you.");
        assertThat(scope.actions(AttackerAction.Kind.SEND)).singleElement().satisfies(send -> {
            assertThat(send.time()).isEqualTo(Instant.parse("2026-03-04T14:44:22Z"));
            assertThat(send.access().ip()).isEqualTo("198.51.100.121");
            assertThat(send.summary()).contains("Vendor banking changes").contains(SHARED);
        });
    }
}
