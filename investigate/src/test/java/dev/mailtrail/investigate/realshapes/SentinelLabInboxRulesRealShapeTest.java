package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.AttackerHints;
import dev.mailtrail.investigate.scope.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A Log Analytics export of OfficeActivity without TenantId and without any TimeGenerated column (the saved
 * query dropped them; the rows' times are in {@code Start_Time [UTC]} and {@code ElevationTime [UTC]}), two
 * New-InboxRule rows whose ObjectId names the mailbox by its alias ({@code …/contoso.onmicrosoft.com/AliceW\Suppliers}),
 * a bracketed IPv6 ClientIP with a source port, ResultStatus {@code TRUE}, UserType {@code Admin} and Parameters
 * as pretty JSON over many lines: the shape of Azure/Azure-Sentinel (MIT)
 * {@code Solutions/Training/Azure-Sentinel-Training-Lab/Artifacts/Telemetry/office_activity_inbox_rule.csv}. By
 * hand: AliceW@Contoso.OnMicrosoft.com, from 2001:db8:8068:7:9bf8:aa87:e00a:5f1f, created "cleanup" at 06:37:32
 * (deletes mail whose body contains "invoice update") and "Suppliers" at 07:17:10 (moves mail whose subject
 * contains "bank details" to Junk Email), both stopping other rules.
 */
class SentinelLabInboxRulesRealShapeTest {
    private static final String FIXTURE = "sentinel-lab-inboxrules-no-timegenerated.csv";
    private static final String MAILBOX = "alicew@contoso.onmicrosoft.com";
    private static final String IP = "2001:db8:8068:7:9bf8:aa87:e00a:5f1f";

    @Test
    void importsBothRowsAtTheirStartTime() throws Exception {
        RealShapes.Imported imported = RealShapes.imported(FIXTURE);

        assertThat(imported.rejects).isEmpty();
        assertThat(imported.auditRecords())
                .extracting(AuditRecord::creationTime)
                .containsExactly(Instant.parse("2026-03-02T07:17:10Z"), Instant.parse("2026-03-02T06:37:32Z"));
    }

    @Test
    void bothRulesAreDescribed() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope(MAILBOX, RealShapes.ips(IP));

        assertThat(scope.actions(AttackerAction.Kind.INBOX_RULE)).hasSize(2);
        AttackerAction cleanup = scope.actions(AttackerAction.Kind.INBOX_RULE).get(0);
        AttackerAction suppliers = scope.actions(AttackerAction.Kind.INBOX_RULE).get(1);
        assertThat(cleanup.time()).isEqualTo(Instant.parse("2026-03-02T06:37:32Z"));
        assertThat(cleanup.summary())
                .contains("\"cleanup\"")
                .contains("deletes the message")
                .contains("stops processing other rules")
                .contains("BodyContainsWords \"invoice update\"");
        assertThat(suppliers.time()).isEqualTo(Instant.parse("2026-03-02T07:17:10Z"));
        assertThat(suppliers.summary())
                .contains("\"Suppliers\"")
                .contains("moves to folder Junk Email")
                .contains("SubjectContainsWords \"bank details\"");
        assertThat(scope.actions())
                .allSatisfy(rule -> assertThat(rule.access().ip()).isEqualTo(IP));
    }

    @Test
    void rulesInTheMailboxNamedByItsAliasAreTheMailboxsRecords() throws Exception {
        Scope scope = RealShapes.imported(FIXTURE).scope(MAILBOX, AttackerHints.none());

        assertThat(scope.records()).isEqualTo(2);
    }
}
