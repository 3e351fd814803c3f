package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.MessageRead;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A MailItemsAccessed Bind by an application (UserType 5, REST) whose FolderItems carry {@code ClientRequestId}
 * and {@code Id} beside InternetMessageId, with {@code "ExternalAccess":"False"} as text, an upper-case IPv6
 * {@code ClientIPAddress}, no SessionId, a folder path without its leading backslash and InternetMessageIds
 * without angle brackets: the shape of SEKOIA-IO/intake-formats {@code Office 365/o365/tests/clientipadress.json}.
 * By hand: alice@contoso.com's mailbox, from 2001:db8::, two messages read in "Boite de reception".
 */
class MailItemsAccessedClientRequestIdRealShapeTest {
    private static final String FIXTURE = "sekoia-mailitemsaccessed-clientrequestid.jsonl";

    @Test
    void importsTheRecordWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(1);
        assertThat(imported.only().externalAccess()).isFalse();
    }

    @Test
    void bothMessagesReadAreInTheScope() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope("alice@contoso.com", RealShapes.ips("2001:db8::"));

        assertThat(scope.reads())
                .extracting(MessageRead::internetMessageId)
                .containsExactly("remittance-4471@fabrikam.com", "d0b58dff-6d73-475f-9d6b-10ad3b3f5f23@fabrikam.com");
        assertThat(scope.reads()).extracting(MessageRead::sizeInBytes).containsExactly(128114L, 146903L);
        assertThat(scope.reads()).allSatisfy(read -> {
            assertThat(read.folder()).isEqualTo("Boite de reception");
            assertThat(read.time()).isEqualTo(Instant.parse("2026-03-04T10:29:14Z"));
            assertThat(read.access().ip()).isEqualTo("2001:db8::");
            assertThat(read.access().userId()).isEqualTo("alice@contoso.com");
        });
        assertThat(scope.statement()).contains("read 2 messages");
    }

    @Test
    void theClientRequestIdsAreKeptBesideTheItems() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.written(0)).contains("\"ClientRequestId\":\"9d0eb959-98a7-4a85-9bcf-9931c66a6abb\"");
    }
}
