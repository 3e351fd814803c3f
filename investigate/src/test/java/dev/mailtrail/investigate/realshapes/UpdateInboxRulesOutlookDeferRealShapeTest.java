package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An UpdateInboxRules from OUTLOOK.EXE over MAPI whose RuleActions is a client-side {@code DeferAction}, with a
 * RuleCondition in Exchange's restriction syntax (legacy DNs, a subject substring), {@code AppAccessContext}
 * holding only an empty APIId and an Item whose ImmutableId is {@code ErrorDuringIdConversion}: the shape of
 * SEKOIA-IO/intake-formats {@code Office 365/o365/tests/operation_properties_03.json}. By hand:
 * alice@contoso.com, from 198.51.100.77, changed her rule "Payment replies" (enabled, stop after it), acting on
 * mail sent to her whose subject contains "Payment - ".
 */
class UpdateInboxRulesOutlookDeferRealShapeTest {
    private static final String FIXTURE = "sekoia-updateinboxrules-outlook-defer.jsonl";

    @Test
    void importsTheRecordWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(1);
    }

    @Test
    void theRuleIsNamedWithItsCondition() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope("alice@contoso.com", RealShapes.ips("198.51.100.77"));

        assertThat(scope.actions(AttackerAction.Kind.INBOX_RULE))
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.time()).isEqualTo(Instant.parse("2026-03-04T09:53:51Z"));
                    assertThat(rule.access().ip()).isEqualTo("198.51.100.77");
                    assertThat(rule.summary())
                            .contains("\"Payment replies\"")
                            .contains("SubjectProperty)=Payment - ")
                            .contains("(ModifyMailboxRule)");
                });
    }
}
