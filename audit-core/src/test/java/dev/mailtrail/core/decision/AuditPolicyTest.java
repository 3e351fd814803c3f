package dev.mailtrail.core.decision;

import static dev.mailtrail.core.action.MailboxAction.MAILBOX_LOGIN;
import static dev.mailtrail.core.action.MailboxAction.MAIL_ITEMS_ACCESSED;
import static dev.mailtrail.core.action.MailboxAction.SEND_AS;
import static dev.mailtrail.core.action.MailboxAction.SOFT_DELETE;
import static dev.mailtrail.core.action.MailboxAction.UPDATE_FOLDER_PERMISSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.cmdlet.AuditCmdlets;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.MailboxAuditConfig;
import dev.mailtrail.core.config.MailboxType;
import dev.mailtrail.core.config.OrganizationConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditPolicyTest {
    private static final String ALICE = "alice@contoso.com";
    private static final String BOB = "bob@contoso.com";
    private static final String SERVICE = "svc@contoso.com";

    private final AuditConfiguration configuration = new AuditConfiguration(OrganizationConfig.defaults());

    @Test
    void onDefaultsTheOwnersReadsAreAuditedAndItsLoginsAreNot() {
        assertThat(decide(ALICE, ALICE, LogonType.OWNER, MAIL_ITEMS_ACCESSED).verdict())
                .isEqualTo(Verdict.AUDITED);

        AuditDecision login = decide(ALICE, ALICE, LogonType.OWNER, MAILBOX_LOGIN);

        assertThat(login.verdict()).isEqualTo(Verdict.NOT_IN_LIST);
        assertThat(login.reason()).isEqualTo("not audited: Owner list lacks MailboxLogin");
    }

    @Test
    void aCustomisedListDecides() {
        run("Set-Mailbox " + ALICE + " -AuditOwner MailboxLogin");

        assertThat(decide(ALICE, ALICE, LogonType.OWNER, MAILBOX_LOGIN).reason())
                .isEqualTo("audited: Owner list has MailboxLogin");
        assertThat(decide(ALICE, ALICE, LogonType.OWNER, MAIL_ITEMS_ACCESSED).audited())
                .isFalse();
        assertThat(decide(ALICE, BOB, LogonType.DELEGATE, MAIL_ITEMS_ACCESSED).audited())
                .isTrue();
    }

    @Test
    void auditDisabledSilencesEverythingAndBypassIsMoot() {
        run("Set-MailboxAuditBypassAssociation " + SERVICE + " -AuditBypassEnabled $true");
        run("Set-OrganizationConfig -AuditDisabled $true");

        for (LogonType logonType : LogonType.values()) {
            for (String actor : List.of(ALICE, SERVICE)) {
                AuditDecision decision = decide(ALICE, actor, logonType, MAIL_ITEMS_ACCESSED);
                assertThat(decision.verdict()).isEqualTo(Verdict.AUDIT_DISABLED);
                assertThat(decision.reason()).isEqualTo("not audited: organization AuditDisabled is True");
            }
        }
    }

    @Test
    void reEnablingTheOrganizationRestoresAuditing() {
        run("Set-OrganizationConfig -AuditDisabled $true");
        run("Set-OrganizationConfig -AuditDisabled $false");

        assertThat(decide(ALICE, ALICE, LogonType.OWNER, MAIL_ITEMS_ACCESSED).audited())
                .isTrue();
    }

    @Test
    void bypassSilencesOneActorInEveryMailboxAndEveryLogonType() {
        run("Set-MailboxAuditBypassAssociation -Identity " + SERVICE + " -AuditBypassEnabled $true");

        for (String mailbox : List.of(ALICE, BOB, SERVICE)) {
            for (LogonType logonType : LogonType.values()) {
                AuditDecision decision = decide(mailbox, SERVICE.toUpperCase(), logonType, SOFT_DELETE);
                assertThat(decision.verdict()).isEqualTo(Verdict.AUDIT_BYPASS);
                assertThat(decision.reason()).isEqualTo("not audited: SVC@CONTOSO.COM has AuditBypassEnabled True");
            }
        }
        assertThat(decide(ALICE, BOB, LogonType.DELEGATE, SOFT_DELETE).audited())
                .isTrue();
    }

    @Test
    void aUserMailboxsAuditEnabledIsIgnoredUnlessThePerMailboxModeIsOn() {
        run("Set-Mailbox " + ALICE + " -AuditEnabled $false");

        assertThat(decide(ALICE, ALICE, LogonType.OWNER, MAIL_ITEMS_ACCESSED).audited())
                .isTrue();

        configuration.setOrganization(configuration.organization().withAuditEnabledHonoured(true));

        AuditDecision decision = decide(ALICE, ALICE, LogonType.OWNER, MAIL_ITEMS_ACCESSED);
        assertThat(decision.verdict()).isEqualTo(Verdict.MAILBOX_NOT_AUDITED);
        assertThat(decision.reason())
                .isEqualTo("not audited: mailbox alice@contoso.com has AuditEnabled False (per-mailbox audit mode)");
    }

    @Test
    void resourceMailboxesAreAuditedOnlyWhenTheirAuditEnabledIsSet() {
        configuration.put(MailboxAuditConfig.newMailbox("room1@contoso.com", MailboxType.ROOM_MAILBOX));

        AuditDecision decision = decide("room1@contoso.com", BOB, LogonType.DELEGATE, MAIL_ITEMS_ACCESSED);
        assertThat(decision.verdict()).isEqualTo(Verdict.MAILBOX_NOT_AUDITED);
        assertThat(decision.reason()).isEqualTo("not audited: RoomMailbox room1@contoso.com has AuditEnabled False");

        run("Set-Mailbox room1@contoso.com -AuditEnabled $true");

        assertThat(decide("room1@contoso.com", BOB, LogonType.DELEGATE, MAIL_ITEMS_ACCESSED)
                        .audited())
                .isTrue();
    }

    @Test
    void anActionTheLogonTypeCannotAuditIsNeverAudited() {
        AuditDecision decision = decide(ALICE, ALICE, LogonType.OWNER, SEND_AS);

        assertThat(decision.verdict()).isEqualTo(Verdict.NOT_AUDITABLE);
        assertThat(decision.reason()).isEqualTo("not audited: SendAs is not auditable for Owner logons");
    }

    @Test
    void updateFolderPermissionsIsAuditedWhenTheListNamesOneOfItsAliases() {
        run("Set-Mailbox " + ALICE + " -AuditDelegate ModifyFolderPermissions");

        assertThat(decide(ALICE, BOB, LogonType.DELEGATE, UPDATE_FOLDER_PERMISSIONS)
                        .audited())
                .isTrue();
        assertThat(decide(ALICE, BOB, LogonType.DELEGATE, MailboxAction.ADD_FOLDER_PERMISSIONS)
                        .audited())
                .isFalse();
    }

    @Test
    void groupMailboxesAuditTheirFixedSetOnly() {
        run("New-UnifiedGroup -PrimarySmtpAddress team@contoso.com");

        assertThat(decide("team@contoso.com", BOB, LogonType.DELEGATE, SOFT_DELETE)
                        .audited())
                .isTrue();
        assertThat(decide("team@contoso.com", BOB, LogonType.DELEGATE, MAIL_ITEMS_ACCESSED)
                        .reason())
                .isEqualTo("not audited: Delegate list lacks MailItemsAccessed");
    }

    @Test
    void aLegacyMessageBindIsExplainedWhenReadsAreNotAudited() {
        run("Set-OrganizationConfig -AuditBaseline 2019-01");
        run("Set-Mailbox " + ALICE + " -AuditAdmin @{Add='MessageBind'}");
        run("Set-OrganizationConfig -AuditBaseline 2023");

        AuditDecision decision = decide(ALICE, "admin@contoso.com", LogonType.ADMIN, MAIL_ITEMS_ACCESSED);

        assertThat(decision.verdict()).isEqualTo(Verdict.NOT_IN_LIST);
        assertThat(decision.reason())
                .isEqualTo("not audited: Admin list lacks MailItemsAccessed (its MessageBind is deprecated and no"
                        + " longer produced)");
    }

    @Test
    void theBaselineInForceDecidesForManagedLogonTypes() {
        run("Set-OrganizationConfig -AuditBaseline 2019-01");

        assertThat(decide(ALICE, ALICE, LogonType.OWNER, MAIL_ITEMS_ACCESSED).audited())
                .isFalse();

        run("Set-OrganizationConfig -AuditBaseline 2019-02");

        assertThat(decide(ALICE, ALICE, LogonType.OWNER, MAIL_ITEMS_ACCESSED).audited())
                .isTrue();
    }

    @Test
    void theDecisionCarriesWhatItWasAbout() {
        AuditDecision decision = decide("Alice@Contoso.com", BOB, LogonType.DELEGATE, SOFT_DELETE);

        assertThat(decision.mailbox()).isEqualTo("Alice@Contoso.com");
        assertThat(decision.actor()).isEqualTo(BOB);
        assertThat(decision.logonType()).isEqualTo(LogonType.DELEGATE);
        assertThat(decision.action()).isEqualTo(SOFT_DELETE);
        assertThat(decision.mailboxType()).isEqualTo(MailboxType.USER_MAILBOX);
    }

    private AuditDecision decide(String mailbox, String actor, LogonType logonType, MailboxAction action) {
        return AuditPolicy.decide(configuration, mailbox, actor, logonType, action);
    }

    private void run(String line) {
        assertThat(AuditCmdlets.run(configuration, line).error()).as(line).isNull();
    }
}
