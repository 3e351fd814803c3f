package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A SoftDelete by Outlook over MAPI (Client=MSExchangeRPC, ClientProcessName, ClientVersion and a braced
 * {@code ClientRequestId} at the top level) of one AffectedItem with Attachments and a Subject: the shape of
 * SEKOIA-IO/intake-formats {@code Office 365/o365/tests/exchange_item_group_2.json}. By hand: alice@contoso.com,
 * from 198.51.100.77, deleted "Re: Q1 payment run" from \Draft.
 */
class SoftDeleteOutlookRpcRealShapeTest {
    private static final String FIXTURE = "sekoia-softdelete-outlook-rpc.jsonl";

    @Test
    void importsTheRecordWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(1);
        assertThat(imported.only().clientProcessName()).isEqualTo("OUTLOOK.EXE");
    }

    @Test
    void theDeletedMessageIsNamedWithItsSubject() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope("alice@contoso.com", RealShapes.ips("198.51.100.77"));

        assertThat(scope.actions(AttackerAction.Kind.DELETE)).singleElement().satisfies(delete -> {
            assertThat(delete.operation()).isEqualTo("SoftDelete");
            assertThat(delete.items()).isEqualTo(1);
            assertThat(delete.time()).isEqualTo(Instant.parse("2026-03-04T09:51:02Z"));
            assertThat(delete.access().client()).isEqualTo("Client=MSExchangeRPC");
            assertThat(delete.access().sessionId()).isEqualTo("185e9738-883c-4396-8e46-5e0cb080ce8e");
            assertThat(delete.summary()).contains("\"Re: Q1 payment run\"");
        });
    }

    @Test
    void theTopLevelClientRequestIdIsKept() throws Exception {
        assertThat(RealShapes.imported(FIXTURE).written(0))
                .contains("\"ClientRequestId\":\"{59B80652-903C-47A4-4AFA-08DE5ABEA4F9}\"");
    }
}
