package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An UpdateInboxRules by a delegate (LogonType 2) in Outlook, with an empty {@code AppAccessContext}, a
 * {@code RuleName} property without a Value, {@code RuleActions} as JSON text whose ActionType is
 * {@code Forward} with four Recipients, and an Item whose {@code ImmutableId} is {@code ErrorDuringIdConversion}
 * and whose folder name is written with {@code \u00ee} escapes: the shape of SEKOIA-IO/intake-formats
 * {@code Office 365/o365/tests/operation_properties_01.json}. By hand: bob@contoso.com, as alice's delegate,
 * from 198.51.100.45, made a rule in alice@contoso.com's mailbox forwarding all mail to four fabrikam.net
 * addresses.
 */
class UpdateInboxRulesForwardDelegateRealShapeTest {
    private static final String FIXTURE = "sekoia-updateinboxrules-forward-delegate.jsonl";

    @Test
    void importsTheRecordWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(1);
        assertThat(imported.only().logonType()).isEqualTo(2);
        assertThat(imported.only().item())
                .as("Item, with ImmutableId and ParentFolder.Name")
                .isNotNull();
        assertThat(imported.only().item().parentFolder().path()).isEqualTo("\\Bo\u00eete de r\u00e9ception");
    }

    @Test
    void theDelegatesRuleForwardsToTheFourRecipients() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope("alice@contoso.com", RealShapes.ips("198.51.100.45"));

        assertThat(scope.records()).isEqualTo(1);
        assertThat(scope.actions(AttackerAction.Kind.INBOX_RULE))
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.operation()).isEqualTo("UpdateInboxRules");
                    assertThat(rule.time()).isEqualTo(Instant.parse("2026-03-04T10:34:13Z"));
                    assertThat(rule.access().userId()).isEqualTo("bob@contoso.com");
                    assertThat(rule.access().logonType()).isEqualTo(2);
                    assertThat(rule.summary())
                            .contains("forwards to")
                            .contains("ap-desk@fabrikam.net")
                            .contains("collect@fabrikam.net")
                            .contains("payments@fabrikam.net")
                            .contains("archive@fabrikam.net");
                });
    }
}
