package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A HardDelete (ExchangeItemGroup) from \Recoverable Items\Deletions whose one AffectedItem has an empty Subject:
 * the shape of SEKOIA-IO/intake-formats {@code Office 365/o365/tests/exchange_item_group.json}. By hand:
 * alice@contoso.com's session 8bd50b97… from 203.0.113.10 purged one message, which had no subject.
 */
class HardDeleteEmptySubjectRealShapeTest {
    private static final String FIXTURE = "sekoia-harddelete-empty-subject.jsonl";

    @Test
    void importsTheRecordWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(1);
    }

    @Test
    void theHardDeleteOfOneItemIsTheAttackersDelete() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope("alice@contoso.com", RealShapes.ips("203.0.113.10"));

        assertThat(scope.records()).isEqualTo(1);
        assertThat(scope.actions(AttackerAction.Kind.DELETE)).singleElement().satisfies(delete -> {
            assertThat(delete.operation()).isEqualTo("HardDelete");
            assertThat(delete.items()).isEqualTo(1);
            assertThat(delete.time()).isEqualTo(Instant.parse("2026-03-04T09:21:42Z"));
            assertThat(delete.access().ip()).isEqualTo("203.0.113.10");
            assertThat(delete.summary()).contains("\\Recoverable Items\\Deletions");
        });
        assertThat(scope.statement()).contains("deleted 1 item");
    }

    @Test
    void anEmptySubjectIsNotPrintedAsASubject() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope("alice@contoso.com", RealShapes.ips("203.0.113.10"));

        assertThat(scope.actions(AttackerAction.Kind.DELETE))
                .singleElement()
                .satisfies(delete -> assertThat(delete.summary()).doesNotContain("\"\""));
    }
}
