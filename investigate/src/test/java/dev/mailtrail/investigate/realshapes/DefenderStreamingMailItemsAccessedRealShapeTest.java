package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.importer.detect.ExportFormat;
import dev.mailtrail.investigate.scope.MessageRead;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A Defender streaming API record ({@code "category":"AdvancedHunting-CloudAppEvents"}, the columns under
 * {@code properties}) of an application's MailItemsAccessed Bind: RawEventData as an object with members in
 * alphabetical order, CreationTime ending in Z, six FolderItems with ClientRequestId, a folder name written
 * with {@code \u00ee} escapes, and an IPv6 address with leading zeros and upper-case hex: the shape of
 * SEKOIA-IO/intake-formats {@code Microsoft/microsoft-365-defender/tests/test_cloud_app3.json}. By hand: an app
 * (e026fa2c…) read six messages in alice@contoso.com's "Boîte de réception" from 2001:db8:11:2233:4455:6677:8899:aabb
 * at 11:23:17.
 */
class DefenderStreamingMailItemsAccessedRealShapeTest {
    private static final String FIXTURE = "defender-streaming-mailitemsaccessed.json";
    private static final String AS_WRITTEN = "2001:0db8:0011:2233:4455:6677:8899:AABB";

    @Test
    void importsTheRawEventDataWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(1);
        assertThat(imported.records.getFirst().origin().format()).isEqualTo(ExportFormat.CLOUD_APP_EVENTS_JSON);
    }

    @Test
    void theSixMessagesReadAreInTheScope() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope("alice@contoso.com", RealShapes.ips(AS_WRITTEN));

        assertThat(scope.reads())
                .extracting(MessageRead::internetMessageId)
                .containsExactly(
                        "<20260301T0812.4471@billing.fabrikam.com>",
                        "<20260301T0814.4472@billing.fabrikam.com>",
                        "<20260302T0930.4473@billing.fabrikam.com>",
                        "<1.payroll@hr.contoso.com>",
                        "<1@mx-relay-10>",
                        "<20260303T1101.4474@billing.fabrikam.com>");
        assertThat(scope.reads()).allSatisfy(read -> {
            assertThat(read.folder()).isEqualTo("\\Bo\u00eete de r\u00e9ception");
            assertThat(read.time()).isEqualTo(Instant.parse("2026-03-04T11:23:17Z"));
            assertThat(read.access().userId()).isEqualTo("alice@contoso.com");
        });
        assertThat(scope.statement()).contains("read 6 messages");
    }

    @Test
    void theAddressInItsShortestFormFindsTheSameReads() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE)
                .scope("alice@contoso.com", RealShapes.ips("2001:db8:11:2233:4455:6677:8899:aabb"));

        assertThat(scope.reads()).hasSize(6);
    }
}
