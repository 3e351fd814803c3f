package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.MessageRead;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A MailItemsAccessed Bind whose first FolderItem carries a sensitivity label ({@code Sensitivity}, a label
 * GUID) beside InternetMessageId and SizeInBytes, with a SessionId and {@code OriginatingServer} ending in
 * CRLF: the shape of SEKOIA-IO/intake-formats {@code Office 365/o365/tests/exchange_item_aggregated.json}.
 * By hand: alice@contoso.com's session 8bd50b97… from 203.0.113.10 read three messages in \Brouillons.
 */
class MailItemsAccessedSensitivityRealShapeTest {
    private static final String FIXTURE = "sekoia-mailitemsaccessed-sensitivity.jsonl";

    @Test
    void importsTheRecordWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(1);
    }

    @Test
    void theThreeMessagesReadAreInTheScopeWithTheirFolderSessionAndIp() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope("alice@contoso.com", RealShapes.ips("203.0.113.10"));

        assertThat(scope.reads())
                .extracting(MessageRead::internetMessageId)
                .containsExactly(
                        "<CO1PR00MB00017A3F21C0D9E8B7@CO1PR00MB0001.namprd00.prod.contoso.com>",
                        "<CO1PR00MB0001B94E0A7F6C5D42@CO1PR00MB0001.namprd00.prod.contoso.com>",
                        "<CO1PR00MB0001C18D55E2A3B609@CO1PR00MB0001.namprd00.prod.contoso.com>");
        assertThat(scope.reads()).extracting(MessageRead::sizeInBytes).containsExactly(3581L, 4902L, 4917L);
        assertThat(scope.reads()).allSatisfy(read -> {
            assertThat(read.folder()).isEqualTo("\\Brouillons");
            assertThat(read.time()).isEqualTo(Instant.parse("2026-03-04T09:16:53Z"));
            assertThat(read.access().ip()).isEqualTo("203.0.113.10");
            assertThat(read.access().sessionId()).isEqualTo("8bd50b97-10f7-4584-96af-225a0beac542");
            assertThat(read.access().userId()).isEqualTo("alice@contoso.com");
        });
        assertThat(scope.messagesRead()).hasSize(3);
        assertThat(scope.blindWindows()).isEmpty();
        assertThat(scope.statement()).contains("read 3 messages");
    }

    @Test
    void theSensitivityLabelIsKeptBesideTheItem() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.written(0)).contains("\"Sensitivity\":\"e1141dac-702d-4dad-bda1-77e30c29f1b2\"");
    }
}
