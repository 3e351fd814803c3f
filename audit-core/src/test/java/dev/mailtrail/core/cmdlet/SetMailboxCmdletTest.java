package dev.mailtrail.core.cmdlet;

import static dev.mailtrail.core.action.MailboxAction.HARD_DELETE;
import static dev.mailtrail.core.action.MailboxAction.MAILBOX_LOGIN;
import static dev.mailtrail.core.action.MailboxAction.MAIL_ITEMS_ACCESSED;
import static dev.mailtrail.core.action.MailboxAction.MOVE;
import static dev.mailtrail.core.action.MailboxAction.SOFT_DELETE;
import static dev.mailtrail.core.action.MailboxAction.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.MailboxAuditConfig;
import dev.mailtrail.core.config.MailboxType;
import dev.mailtrail.core.config.OrganizationConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Set-Mailbox's accepted writes: replacing and editing lists, DefaultAuditSet, the other audit settings. */
class SetMailboxCmdletTest {
    private final AuditConfiguration configuration = new AuditConfiguration(OrganizationConfig.defaults());

    @Test
    void aCommaListReplacesTheList() {
        accept("Set-Mailbox -Identity alice -AuditOwner HardDelete,SoftDelete");

        assertThat(actions("alice", LogonType.OWNER)).containsExactlyInAnyOrder(HARD_DELETE, SOFT_DELETE);
    }

    @Test
    void addAndRemoveEditTheListInForce() {
        accept("Set-Mailbox -Identity alice -AuditOwner @{Add=\"MailboxLogin\",\"Move\"; Remove=\"Update\"}");

        Set<MailboxAction> expected = EnumSet.copyOf(Baseline.B2023.defaults(LogonType.OWNER));
        expected.addAll(Set.of(MAILBOX_LOGIN, MOVE));
        expected.remove(UPDATE);
        assertThat(actions("alice", LogonType.OWNER)).isEqualTo(expected);
    }

    @Test
    void addingWhatIsThereAndRemovingWhatIsNotChangeNothingInTheList() {
        accept("Set-Mailbox -Identity alice -AuditAdmin @{Add='Update'; Remove='Copy'}");

        assertThat(actions("alice", LogonType.ADMIN)).isEqualTo(Baseline.B2023.defaults(LogonType.ADMIN));
    }

    @Test
    void customisingAListRemovesItsLogonTypeFromDefaultAuditSet() {
        accept("Set-Mailbox -Identity alice -AuditOwner @{Add=\"MailboxLogin\"}");

        assertThat(mailbox("alice").defaultAuditSet()).containsExactlyInAnyOrder(LogonType.ADMIN, LogonType.DELEGATE);
    }

    @Test
    void aListWriteEqualToTheDefaultStillRemovesItsLogonTypeFromDefaultAuditSet() {
        String defaults = names(Baseline.B2023.defaults(LogonType.DELEGATE));
        accept("Set-Mailbox -Identity alice -AuditDelegate " + defaults);
        accept("Set-Mailbox -Identity bob -AuditAdmin @{}");
        accept("Set-Mailbox -Identity carol -AuditOwner @{Add='Update'}");

        assertThat(mailbox("alice").defaultAuditSet()).doesNotContain(LogonType.DELEGATE);
        assertThat(actions("alice", LogonType.DELEGATE)).isEqualTo(Baseline.B2023.defaults(LogonType.DELEGATE));
        assertThat(mailbox("bob").defaultAuditSet()).doesNotContain(LogonType.ADMIN);
        assertThat(mailbox("carol").defaultAuditSet()).doesNotContain(LogonType.OWNER);
    }

    @Test
    void aNewerBaselineNoLongerChangesACustomisedListWhileManagedOnesFollow() {
        accept("Set-OrganizationConfig -AuditBaseline 2019-01");
        accept("Set-Mailbox -Identity alice -AuditOwner " + names(Baseline.B2019_01.defaults(LogonType.OWNER)));

        accept("Set-OrganizationConfig -AuditBaseline 2019-02");

        assertThat(actions("alice", LogonType.OWNER))
                .isEqualTo(Baseline.B2019_01.defaults(LogonType.OWNER))
                .doesNotContain(MAIL_ITEMS_ACCESSED);
        assertThat(actions("alice", LogonType.DELEGATE)).contains(MAIL_ITEMS_ACCESSED);
        assertThat(actions("alice", LogonType.ADMIN)).isEqualTo(Baseline.B2019_02.defaults(LogonType.ADMIN));
        assertThat(actions("untouched", LogonType.OWNER)).isEqualTo(Baseline.B2019_02.defaults(LogonType.OWNER));
    }

    @Test
    void defaultAuditSetRevertsTheNamedLogonTypesAndReEnrolsThem() {
        accept("Set-OrganizationConfig -AuditBaseline 2019-01");
        accept("Set-Mailbox -Identity alice -AuditOwner None -AuditDelegate None -AuditAdmin None");
        assertThat(mailbox("alice").defaultAuditSet()).isEmpty();

        accept("Set-Mailbox -Identity alice -DefaultAuditSet Owner,Delegate");

        assertThat(mailbox("alice").defaultAuditSet()).containsExactlyInAnyOrder(LogonType.OWNER, LogonType.DELEGATE);
        assertThat(actions("alice", LogonType.OWNER)).isEqualTo(Baseline.B2019_01.defaults(LogonType.OWNER));
        assertThat(actions("alice", LogonType.ADMIN)).isEmpty();

        accept("Set-OrganizationConfig -AuditBaseline 2023");

        assertThat(actions("alice", LogonType.OWNER)).isEqualTo(Baseline.B2023.defaults(LogonType.OWNER));
        assertThat(actions("alice", LogonType.DELEGATE)).isEqualTo(Baseline.B2023.defaults(LogonType.DELEGATE));
        assertThat(actions("alice", LogonType.ADMIN)).isEmpty();
    }

    @Test
    void noneAndNullAreTheEmptyList() {
        accept("Set-Mailbox -Identity alice -AuditOwner None");
        accept("Set-Mailbox -Identity bob -AuditOwner $null");

        assertThat(actions("alice", LogonType.OWNER)).isEmpty();
        assertThat(actions("bob", LogonType.OWNER)).isEmpty();
        assertThat(mailbox("bob").defaultAuditSet()).doesNotContain(LogonType.OWNER);
    }

    @Test
    void folderPermissionValuesAreAcceptedAsThemselves() {
        accept("Set-Mailbox -Identity alice -AuditDelegate AddFolderPermissions,RemoveFolderPermissions");

        assertThat(actions("alice", LogonType.DELEGATE))
                .containsExactlyInAnyOrder(
                        MailboxAction.ADD_FOLDER_PERMISSIONS, MailboxAction.REMOVE_FOLDER_PERMISSIONS);
    }

    @Test
    void parameterNamesAndActionNamesAreCaseInsensitive() {
        accept("set-mailbox -identity ALICE -auditowner harddelete,SOFTDELETE");

        assertThat(actions("alice", LogonType.OWNER)).containsExactlyInAnyOrder(HARD_DELETE, SOFT_DELETE);
    }

    @Test
    void theIdentityMayBePositional() {
        accept("Set-Mailbox alice@contoso.com -AuditOwner MailboxLogin");

        assertThat(actions("alice@contoso.com", LogonType.OWNER)).containsExactly(MAILBOX_LOGIN);
    }

    @Test
    void aMailboxNamedForTheFirstTimeComesIntoExistenceAsAUserMailbox() {
        accept("Set-Mailbox -Identity newcomer@contoso.com -AuditLogAgeLimit 30.00:00:00");

        assertThat(mailbox("newcomer@contoso.com").type()).isEqualTo(MailboxType.USER_MAILBOX);
        assertThat(mailbox("newcomer@contoso.com").auditLogAgeLimit()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void auditEnabledAndAgeLimitAndTypeAreSet() {
        accept("Set-Mailbox -Identity room1 -Type Room -AuditEnabled:$false -AuditLogAgeLimit 00:00:00");

        MailboxAuditConfig room = mailbox("room1");
        assertThat(room.type()).isEqualTo(MailboxType.ROOM_MAILBOX);
        assertThat(room.auditEnabled()).isFalse();
        assertThat(room.auditLogAgeLimit()).isZero();
    }

    @Test
    void commonParametersAreAcceptedAndChangeNothingElse() {
        accept("Set-Mailbox -Identity alice -AuditEnabled $true -Confirm:$false -Force -Verbose");

        assertThat(mailbox("alice").defaultAuditSet()).containsExactlyInAnyOrder(LogonType.values());
    }

    private void accept(String line) {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, line);
        assertThat(outcome.error()).as(line).isNull();
        assertThat(outcome.succeeded()).isTrue();
    }

    private MailboxAuditConfig mailbox(String identity) {
        return configuration.mailbox(identity);
    }

    private Set<MailboxAction> actions(String identity, LogonType logonType) {
        return mailbox(identity).actions(logonType, configuration.organization().baseline());
    }

    private static String names(Set<MailboxAction> actions) {
        return actions.stream().map(MailboxAction::exchangeName).collect(Collectors.joining(","));
    }
}
