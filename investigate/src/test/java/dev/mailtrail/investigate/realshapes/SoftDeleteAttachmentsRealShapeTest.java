package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A SoftDelete by OWA with a bearer token ({@code AppAccessContext}, AuthType, TokenType V1AppActAs) whose five
 * AffectedItems each carry {@code Attachments} (a Windows path with backslashes, or a file name and size) and
 * only two a Subject: the shape of SEKOIA-IO/intake-formats {@code Office 365/o365/tests/exchange_item_group_4.json}.
 * By hand: alice@contoso.com, from 203.0.113.10, deleted five drafts; two had the subjects "Updated bank
 * details" and "Updated bank details (2)".
 */
class SoftDeleteAttachmentsRealShapeTest {
    private static final String FIXTURE = "sekoia-softdelete-attachments.jsonl";

    @Test
    void importsTheRecordWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(1);
    }

    @Test
    void allFiveAffectedItemsAreDeletedItems() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.only().affectedItems()).hasSize(5);
        Scope scope = imported.scope("alice@contoso.com", RealShapes.ips("203.0.113.10"));
        assertThat(scope.actions(AttackerAction.Kind.DELETE)).singleElement().satisfies(delete -> {
            assertThat(delete.operation()).isEqualTo("SoftDelete");
            assertThat(delete.items()).isEqualTo(5);
            assertThat(delete.time()).isEqualTo(Instant.parse("2026-03-04T09:43:13Z"));
            assertThat(delete.summary())
                    .contains("\"Updated bank details\"")
                    .contains("\"Updated bank details (2)\"")
                    .contains("\\Drafts");
        });
        assertThat(scope.statement()).contains("deleted 5 items");
    }

    @Test
    void theAttachmentsAreKept() throws Exception {
        assertThat(RealShapes.imported(FIXTURE).written(0)).contains("\"Attachments\":\"IMG_0414.jpg (3184493b)\"");
    }
}
