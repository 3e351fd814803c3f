package dev.mailtrail.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailboxAuditConfigTest {
    private static final MailboxAuditConfig ALICE = MailboxAuditConfig.newUserMailbox("alice@contoso.com");

    @Test
    void aNewUserMailboxIsAuditedOnDefaultsWithAllThreeLogonTypesManaged() {
        assertThat(ALICE.type()).isEqualTo(MailboxType.USER_MAILBOX);
        assertThat(ALICE.auditEnabled()).isTrue();
        assertThat(ALICE.defaultAuditSet()).containsExactlyInAnyOrder(LogonType.values());
        assertThat(ALICE.auditLogAgeLimit()).isEqualTo(Duration.ofDays(90));
        for (LogonType logonType : LogonType.values()) {
            assertThat(ALICE.actions(logonType, Baseline.B2019_02)).isEqualTo(Baseline.B2019_02.defaults(logonType));
        }
    }

    @Test
    void aManagedLogonTypeFollowsWhicheverBaselineIsCurrent() {
        assertThat(ALICE.actions(LogonType.OWNER, Baseline.B2019_01)).doesNotContain(MailboxAction.MAIL_ITEMS_ACCESSED);
        assertThat(ALICE.actions(LogonType.OWNER, Baseline.B2023)).contains(MailboxAction.MAIL_ITEMS_ACCESSED);
    }

    @Test
    void customisingAListRemovesItsLogonTypeFromDefaultAuditSet() {
        MailboxAuditConfig custom = ALICE.withCustomList(LogonType.OWNER, Baseline.B2023.defaults(LogonType.OWNER));

        assertThat(custom.defaultAuditSet()).containsExactlyInAnyOrder(LogonType.ADMIN, LogonType.DELEGATE);
        assertThat(custom.actions(LogonType.OWNER, Baseline.B2019_01))
                .isEqualTo(Baseline.B2023.defaults(LogonType.OWNER));
    }

    @Test
    void allThreeCustomisedLeavesDefaultAuditSetEmpty() {
        MailboxAuditConfig custom = ALICE.withCustomList(LogonType.OWNER, Set.of())
                .withCustomList(LogonType.ADMIN, Set.of())
                .withCustomList(LogonType.DELEGATE, Set.of());

        assertThat(custom.defaultAuditSet()).isEmpty();
        assertThat(custom.actions(LogonType.ADMIN, Baseline.B2023)).isEmpty();
    }

    @Test
    void reEnrollingALogonTypeDropsItsCustomList() {
        MailboxAuditConfig custom = ALICE.withCustomList(LogonType.OWNER, EnumSet.of(MailboxAction.MAILBOX_LOGIN));

        MailboxAuditConfig managed = custom.withManaged(LogonType.OWNER);

        assertThat(managed.defaultAuditSet()).containsExactlyInAnyOrder(LogonType.values());
        assertThat(managed.actions(LogonType.OWNER, Baseline.B2023))
                .isEqualTo(Baseline.B2023.defaults(LogonType.OWNER));
    }

    @Test
    void aGroupMailboxShowsAllThreeManagedAndAlwaysHasTheFixedSet() {
        MailboxAuditConfig group = MailboxAuditConfig.newMailbox("team@contoso.com", MailboxType.GROUP_MAILBOX)
                .withCustomList(LogonType.OWNER, EnumSet.of(MailboxAction.MAILBOX_LOGIN));

        assertThat(group.defaultAuditSet()).containsExactlyInAnyOrder(LogonType.values());
        assertThat(group.actions(LogonType.OWNER, Baseline.B2023))
                .isEqualTo(Baseline.groupMailboxActions().get(LogonType.OWNER));
    }

    @Test
    void resourceMailboxesComeIntoExistenceWithAuditingOff() {
        assertThat(MailboxAuditConfig.newMailbox("room1@contoso.com", MailboxType.ROOM_MAILBOX)
                        .auditEnabled())
                .isFalse();
        assertThat(MailboxAuditConfig.newMailbox("pf@contoso.com", MailboxType.PUBLIC_FOLDER_MAILBOX)
                        .auditEnabled())
                .isFalse();
        assertThat(MailboxAuditConfig.newMailbox("shared@contoso.com", MailboxType.SHARED_MAILBOX)
                        .auditEnabled())
                .isTrue();
    }

    @Test
    void customListsAreCopiedAndCannotBeChangedFromOutside() {
        EnumSet<MailboxAction> list = EnumSet.of(MailboxAction.SOFT_DELETE);
        MailboxAuditConfig custom = ALICE.withCustomList(LogonType.OWNER, list);
        list.add(MailboxAction.HARD_DELETE);

        Set<MailboxAction> shown = custom.actions(LogonType.OWNER, Baseline.B2023);
        assertThat(shown).containsExactly(MailboxAction.SOFT_DELETE);
        assertThatThrownBy(() -> shown.add(MailboxAction.MOVE)).isInstanceOf(UnsupportedOperationException.class);
    }
}
