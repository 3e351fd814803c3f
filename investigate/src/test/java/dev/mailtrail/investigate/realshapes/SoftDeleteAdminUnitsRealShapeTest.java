package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A SoftDelete by Outlook over MAPI with {@code ActorInfoString}, an {@code AppAccessContext} holding only an empty
 * APIId, an AffectedItem whose Attachments names a file with parentheses, and {@code AssociatedAdminUnits} (an
 * array of GUIDs) at the end: the shape of SEKOIA-IO/intake-formats
 * {@code Office 365/o365/tests/exchange_item_group_3.json}. By hand: alice@contoso.com, from 198.51.100.77,
 * deleted "Remittance advice" from \Vendors.
 */
class SoftDeleteAdminUnitsRealShapeTest {
    private static final String FIXTURE = "sekoia-softdelete-admin-units.jsonl";

    @Test
    void importsTheRecordWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(1);
        assertThat(imported.written(0)).contains("\"AssociatedAdminUnits\":[\"5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f\"]");
    }

    @Test
    void theDeletedMessageIsNamedWithItsSubject() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope("alice@contoso.com", RealShapes.ips("198.51.100.77"));

        assertThat(scope.actions(AttackerAction.Kind.DELETE)).singleElement().satisfies(delete -> {
            assertThat(delete.time()).isEqualTo(Instant.parse("2026-03-04T10:46:55Z"));
            assertThat(delete.items()).isEqualTo(1);
            assertThat(delete.summary()).contains("\"Remittance advice\"").contains("\\Vendors");
        });
    }
}
