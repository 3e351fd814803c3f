package dev.mailtrail.core.generate;

import static dev.mailtrail.core.generate.Replay.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.cmdlet.CmdletOutcome;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.RecordType;
import org.junit.jupiter.api.Test;

/** Every cmdlet line, accepted or refused, leaves an ExchangeAdmin record. */
class RecordGeneratorAdminRecordTest {
    private final Replay replay = new Replay(OrganizationConfig.named("contoso.com"));
    private final Access alice = Access.owner("alice@contoso.com");

    @Test
    void anAcceptedCmdletLeavesATrueAdminRecord() {
        replay.run(at(0), "Set-Mailbox -Identity alice@contoso.com -AuditOwner @{Add='MailboxLogin'}");

        AuditRecord record = replay.records.getFirst();
        assertThat(record.recordType()).isEqualTo(RecordType.EXCHANGE_ADMIN);
        assertThat(record.operation()).isEqualTo("Set-Mailbox");
        assertThat(record.resultStatus()).isEqualTo("True");
        assertThat(record.objectId()).isEqualTo("alice@contoso.com");
        assertThat(record.parameters())
                .containsExactly(
                        new NameValue("Identity", "alice@contoso.com"),
                        new NameValue("AuditOwner", "@{Add=\"MailboxLogin\"}"));
        assertThat(record.creationTime()).isEqualTo(at(0));
        assertThat(record.userId()).isEqualTo(Replay.ADMIN);
        assertThat(record.userKey()).isEqualTo(Replay.ADMIN);
        assertThat(record.userType()).isEqualTo(2);
        assertThat(record.clientIp()).isEqualTo("198.51.100.9");
        assertThat(record.organizationName()).isEqualTo("contoso.com");
        assertThat(record.organizationId())
                .isEqualTo(OrganizationConfig.named("contoso.com").organizationId());
        assertThat(record.workload()).isEqualTo("Exchange");
        assertThat(record.id()).isEqualTo("id-1");
    }

    @Test
    void aRefusedCmdletLeavesAFalseAdminRecordAndChangesNothing() {
        CmdletOutcome outcome = replay.cmdlet(at(0), "Set-Mailbox alice@contoso.com -AuditAdmin @{Add='MessageBind'}");

        assertThat(outcome.error())
                .isEqualTo("MessageBind audit operation type is deprecated. Use MailItemsAccessed audit operation type"
                        + " instead.");
        AuditRecord record = replay.records.getFirst();
        assertThat(record.operation()).isEqualTo("Set-Mailbox");
        assertThat(record.resultStatus()).isEqualTo("False");
        assertThat(record.objectId()).isEqualTo("alice@contoso.com");
        assertThat(record.parameters()).contains(new NameValue("AuditAdmin", "@{Add=\"MessageBind\"}"));
        assertThat(replay.configuration.mailbox("alice@contoso.com").defaultAuditSet())
                .contains(LogonType.ADMIN);
        assertThat(replay.statistics().cmdletsFailed()).isEqualTo(1);
        assertThat(replay.statistics().cmdletsSucceeded()).isZero();
    }

    @Test
    void aLineThatCannotBeReadStillLeavesARecord() {
        replay.cmdlet(at(0), "Set-OrganizationConfig -AuditDisabled:");

        assertThat(replay.records).singleElement().satisfies(record -> {
            assertThat(record.operation()).isEqualTo("Set-OrganizationConfig");
            assertThat(record.resultStatus()).isEqualTo("False");
        });
        assertThat(replay.configuration.organization().auditDisabled()).isFalse();
    }

    @Test
    void turningAuditingOffIsRecordedAndSilencesMailboxesUntilItIsTurnedBackOn() {
        replay.run(at(0), "Set-OrganizationConfig -AuditDisabled $true");
        replay.accept(alice.bind(at(10), "A"));
        replay.accept(alice.operation(at(20), MailboxAction.SOFT_DELETE, "B"));
        replay.run(at(30), "Set-OrganizationConfig -AuditDisabled $false");
        replay.accept(alice.bind(at(40), "C"));
        replay.flush();

        assertThat(replay.records)
                .extracting(AuditRecord::operation, AuditRecord::objectId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Set-OrganizationConfig", "contoso.com"),
                        org.assertj.core.groups.Tuple.tuple("Set-OrganizationConfig", "contoso.com"),
                        org.assertj.core.groups.Tuple.tuple("MailItemsAccessed", "alice@contoso.com"));
        assertThat(replay.records.getFirst().parameters()).containsExactly(new NameValue("AuditDisabled", "True"));
        assertThat(replay.statistics().bindsNotAudited()).isEqualTo(1);
    }

    @Test
    void grantingAuditBypassIsItselfRecorded() {
        replay.run(at(0), "Set-MailboxAuditBypassAssociation -Identity svc@contoso.com -AuditBypassEnabled $true");
        replay.accept(alice.by("svc@contoso.com", LogonType.DELEGATE).bind(at(10), "A"));
        replay.flush();

        assertThat(replay.records).singleElement().satisfies(record -> {
            assertThat(record.operation()).isEqualTo("Set-MailboxAuditBypassAssociation");
            assertThat(record.objectId()).isEqualTo("svc@contoso.com");
            assertThat(record.parameters()).contains(new NameValue("AuditBypassEnabled", "True"));
        });
    }

    @Test
    void aChangeAppliesToTheNextEvent() {
        replay.accept(alice.operation(at(0), MailboxAction.MAILBOX_LOGIN));
        replay.run(at(10), "Set-Mailbox alice@contoso.com -AuditOwner @{Add='MailboxLogin'}");
        replay.accept(alice.operation(at(20), MailboxAction.MAILBOX_LOGIN));

        assertThat(replay.records).extracting(AuditRecord::operation).containsExactly("Set-Mailbox", "MailboxLogin");
    }

    @Test
    void theAcceptanceOfACmdletIsItsOutcome() {
        Acceptance acceptance = replay.accept(new dev.mailtrail.core.event.CmdletInvocation(
                at(0), Replay.ADMIN, "Set-OrganizationConfig -AuditBaseline 2019-02", null));

        assertThat(acceptance.decision()).isNull();
        assertThat(acceptance.cmdlet().succeeded()).isTrue();
        assertThat(replay.records.getFirst().clientIp()).isNull();
    }
}
