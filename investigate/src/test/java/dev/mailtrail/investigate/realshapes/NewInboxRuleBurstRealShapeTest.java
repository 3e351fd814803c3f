package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.AttackerHints;
import dev.mailtrail.investigate.scope.Scope;
import org.junit.jupiter.api.Test;

/**
 * Twelve New-InboxRule records in the shape of SEKOIA-IO/intake-formats
 * {@code Office 365/o365/tests/inbox_rule.json} (six Parameters each instead of twelve): in two minutes, signed in
 * as alice@contoso.com, one session from 203.0.113.10 with a new source port each time made the rules ".0" to
 * ".11" in the mailbox named by its GUID, each marking mail from one fabrikam.com supplier read and moving it to
 * RSS Feeds. The sensitivity fixture ties the GUID to alice@contoso.com.
 */
class NewInboxRuleBurstRealShapeTest {
    private static final String FIXTURE = "sekoia-new-inboxrule-burst.jsonl";
    private static final String NAMES_THE_GUID = "sekoia-mailitemsaccessed-sensitivity.jsonl";

    @Test
    void theTwelveRulesAreTheAttackersWithTheirIpWithoutPort() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);
        Scope scope = imported.scope("alice@contoso.com", RealShapes.ips("203.0.113.10"));

        assertThat(imported.rejects).isEmpty();
        assertThat(scope.actions(AttackerAction.Kind.INBOX_RULE)).hasSize(12).allSatisfy(rule -> {
            assertThat(rule.access().ip()).isEqualTo("203.0.113.10");
            assertThat(rule.summary()).contains("moves to folder RSS Feeds").contains("marks it read");
        });
    }

    @Test
    void theRulesAreTheMailboxsRecords() throws Exception {
        Scope scope = RealShapes.imported(NAMES_THE_GUID, FIXTURE).scope("alice@contoso.com", AttackerHints.none());

        assertThat(scope.records()).isEqualTo(13);
    }

    @Test
    void withNoAttackerNamedTheSessionThatMadeTwelveRulesIsProposed() throws Exception {
        Scope scope = RealShapes.imported(NAMES_THE_GUID, FIXTURE).scope("alice@contoso.com", AttackerHints.none());

        assertThat(scope.suspiciousSessions())
                .anySatisfy(session -> assertThat(session.ips()).containsExactly("203.0.113.10"));
    }
}
