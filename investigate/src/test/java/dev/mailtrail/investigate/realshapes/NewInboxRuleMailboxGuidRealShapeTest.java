package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.AttackerHints;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A New-InboxRule (ExchangeAdmin) whose ObjectId names the mailbox by a GUID
 * ({@code …/contoso.onmicrosoft.com/<GUID>\Payments}), with the source port on ClientIP, UserType 2 and twelve
 * Parameters (ForwardTo, RedirectTo, DeleteMessage, MarkAsRead, MoveToFolder with a French folder name…): the
 * shape of SEKOIA-IO/intake-formats {@code Office 365/o365/tests/inbox_rule.json}. By hand: signed in as
 * alice@contoso.com, from 203.0.113.10 (port 63070), someone created the rule "Payments" in the mailbox whose
 * MailboxGuid is 1b80757d… — alice's, as her MailItemsAccessed record (the sensitivity fixture) says — which
 * forwards to ap-desk@fabrikam.net, redirects to collect@fabrikam.net, deletes, marks read and moves to
 * "Historique des conversations", for mail from cfo@contoso.com or @fabrikam.com or about "invoice".
 */
class NewInboxRuleMailboxGuidRealShapeTest {
    private static final String FIXTURE = "sekoia-new-inboxrule-mailbox-guid.jsonl";
    private static final String NAMES_THE_GUID = "sekoia-mailitemsaccessed-sensitivity.jsonl";

    @Test
    void importsTheRecordWithoutReject() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.summary.imported()).isEqualTo(1);
        assertThat(imported.only().clientIp()).isEqualTo("203.0.113.10");
    }

    @Test
    void theRuleIsDescribedWithEveryActionAndCondition() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope("alice@contoso.com", RealShapes.ips("203.0.113.10"));

        assertThat(scope.actions(AttackerAction.Kind.INBOX_RULE))
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.operation()).isEqualTo("New-InboxRule");
                    assertThat(rule.time()).isEqualTo(Instant.parse("2026-03-04T09:30:53Z"));
                    assertThat(rule.access().ip()).isEqualTo("203.0.113.10");
                    assertThat(rule.access().userId()).isEqualTo("alice@contoso.com");
                    assertThat(rule.summary())
                            .contains("\"Payments\"")
                            .contains("forwards to ap-desk@fabrikam.net")
                            .contains("redirects to collect@fabrikam.net")
                            .contains("deletes the message")
                            .contains("marks it read")
                            .contains("moves to folder Historique des conversations")
                            .contains("when it is from \"cfo@contoso.com\"")
                            .contains("the subject or body contains \"invoice\"");
                });
    }

    @Test
    void aRuleInTheMailboxNamedByItsGuidIsOneOfTheMailboxsRecords() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(NAMES_THE_GUID, FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.scope("alice@contoso.com", AttackerHints.none()).records())
                .as("the read and the rule, both in alice's mailbox")
                .isEqualTo(2);
    }
}
