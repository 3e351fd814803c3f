package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.Scope;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole real-shapes directory imported as {@code mt import DIR} reads it, and scoped for the attacker of
 * alice@contoso.com's fixtures, 203.0.113.10: by hand, two sign-ins, three drafts read (two of them named by the
 * Create and Update records), the forwarding rule "Payments" and twelve more in the mailbox named by its GUID, one item purged
 * and five deleted.
 */
class AllRealShapesTogetherTest {

    private static RealShapes.Imported importDirectory() throws Exception {
        Path directory = RealShapes.path("SOURCES.md").getParent();
        return RealShapes.importedFrom(List.of(directory));
    }

    @Test
    void everyFixtureIsImportedWithoutRejectAndOnlySourcesIsSkipped() throws Exception {
        RealShapes.Imported imported = importDirectory();

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.skipped())
                .extracting(skipped -> skipped.file().getFileName().toString())
                .containsExactly("SOURCES.md");
        assertThat(imported.summary.files()).hasSize(20).allSatisfy(file -> assertThat(file.imported())
                .as(file.file().getFileName().toString())
                .isPositive());
        assertThat(imported.summary.imported()).isEqualTo(39);
    }

    @Test
    void theAttackersDayInAlicesMailbox() throws Exception {
        Scope scope = importDirectory().scope("alice@contoso.com", RealShapes.ips("203.0.113.10"));

        assertThat(scope.reads())
                .extracting(read -> read.message().subject())
                .containsExactly("Q1 payment run - bank details", "Vendor master data change", null);
        assertThat(scope.actions(AttackerAction.Kind.SIGN_IN)).hasSize(2);
        assertThat(scope.actions(AttackerAction.Kind.INBOX_RULE))
                .hasSize(13)
                .anySatisfy(rule -> assertThat(rule.summary()).contains("forwards to ap-desk@fabrikam.net"));
        assertThat(scope.actions(AttackerAction.Kind.DELETE))
                .extracting(AttackerAction::operation, AttackerAction::items)
                .containsExactly(tuple("HardDelete", 1), tuple("SoftDelete", 5));
        assertThat(scope.statement())
                .contains("read 3 messages in \\Brouillons")
                .contains("deleted 6 items");
    }
}
