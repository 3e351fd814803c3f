package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A MailItemsAccessed Bind opening with {@code AppAccessContext}, with DeviceId, TokenObjectId, TokenTenantId, an
 * {@code ImmutableId} in its FolderItem and OperationProperties without IsThrottled: the shape of
 * SEKOIA-IO/intake-formats {@code Office 365/o365/tests/exchange_item_group_7.json}. By hand: alice@contoso.com
 * read one message in \Inbox from 198.51.100.23.
 */
class MailItemsAccessedImmutableIdRealShapeTest {
    private static final String FIXTURE = "sekoia-mailitemsaccessed-immutableid.jsonl";

    @Test
    void importsTheRecordWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(1);
    }

    @Test
    void theMessageReadIsInTheScope() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope("alice@contoso.com", RealShapes.ips("198.51.100.23"));

        assertThat(scope.reads()).singleElement().satisfies(read -> {
            assertThat(read.internetMessageId())
                    .isEqualTo("<PH0PR00MB1234E5F6A7B8C9D0@PH0PR00MB1234.namprd00.prod.fabrikam.com>");
            assertThat(read.sizeInBytes()).isEqualTo(118342L);
            assertThat(read.folder()).isEqualTo("\\Inbox");
            assertThat(read.time()).isEqualTo(Instant.parse("2026-03-04T11:09:33Z"));
            assertThat(read.access().ip()).isEqualTo("198.51.100.23");
        });
        assertThat(scope.statement()).contains("read 1 message");
    }

    @Test
    void theImmutableIdAndTheAppAccessContextAreKept() throws Exception {
        String written = RealShapes.imported(FIXTURE).written(0);

        assertThat(written)
                .contains(
                        "\"ImmutableId\":\"LgAAAAB3fQ2kTtRwS5mH9cXyZpQ1BwBx0Lw8nKcvQqJm2Tz7RdVhAAAAAAEMAABx0Lw8nKcvQqJm2Tz7RdVhAAAC9kKbAAAJ\"")
                .contains("\"AADSessionId\":\"ace108cf-969f-4236-9d73-69ab981ccc77\"");
    }
}
