package dev.mailtrail.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BaselineTest {
    @Test
    void baseline2019_01IsExactlyTheSpecsList() {
        assertThat(names(Baseline.B2019_01, LogonType.ADMIN))
                .containsExactlyInAnyOrder(
                        "Create",
                        "HardDelete",
                        "MoveToDeletedItems",
                        "SendAs",
                        "SendOnBehalf",
                        "SoftDelete",
                        "Update",
                        "UpdateCalendarDelegation",
                        "UpdateFolderPermissions",
                        "UpdateInboxRules");
        assertThat(names(Baseline.B2019_01, LogonType.DELEGATE))
                .containsExactlyInAnyOrder(
                        "Create",
                        "HardDelete",
                        "MoveToDeletedItems",
                        "SendAs",
                        "SendOnBehalf",
                        "SoftDelete",
                        "Update",
                        "UpdateFolderPermissions",
                        "UpdateInboxRules");
        assertThat(names(Baseline.B2019_01, LogonType.OWNER))
                .containsExactlyInAnyOrder(
                        "HardDelete",
                        "MoveToDeletedItems",
                        "SoftDelete",
                        "Update",
                        "UpdateCalendarDelegation",
                        "UpdateFolderPermissions",
                        "UpdateInboxRules");
    }

    @Test
    void baseline2019_02AddsMailItemsAccessedToAllAndSendToAdminAndOwner() {
        assertThat(names(Baseline.B2019_02, LogonType.ADMIN))
                .containsExactlyInAnyOrderElementsOf(
                        plus(names(Baseline.B2019_01, LogonType.ADMIN), "MailItemsAccessed", "Send"));
        assertThat(names(Baseline.B2019_02, LogonType.DELEGATE))
                .containsExactlyInAnyOrderElementsOf(
                        plus(names(Baseline.B2019_01, LogonType.DELEGATE), "MailItemsAccessed"));
        assertThat(names(Baseline.B2019_02, LogonType.OWNER))
                .containsExactlyInAnyOrderElementsOf(
                        plus(names(Baseline.B2019_01, LogonType.OWNER), "MailItemsAccessed", "Send"));
    }

    @Test
    void baseline2023IsTheCataloguesDefaultColumn() {
        assertThat(names(Baseline.B2023, LogonType.ADMIN))
                .containsExactlyInAnyOrder(
                        "ApplyRecord",
                        "Create",
                        "HardDelete",
                        "MailItemsAccessed",
                        "MoveToDeletedItems",
                        "Send",
                        "SendAs",
                        "SendOnBehalf",
                        "SoftDelete",
                        "Update",
                        "UpdateCalendarDelegation",
                        "UpdateFolderPermissions",
                        "UpdateInboxRules");
        assertThat(names(Baseline.B2023, LogonType.DELEGATE))
                .containsExactlyInAnyOrder(
                        "ApplyRecord",
                        "Create",
                        "HardDelete",
                        "MailItemsAccessed",
                        "MoveToDeletedItems",
                        "SendAs",
                        "SendOnBehalf",
                        "SoftDelete",
                        "Update",
                        "UpdateFolderPermissions",
                        "UpdateInboxRules");
        assertThat(names(Baseline.B2023, LogonType.OWNER))
                .containsExactlyInAnyOrder(
                        "ApplyRecord",
                        "HardDelete",
                        "MailItemsAccessed",
                        "MoveToDeletedItems",
                        "Send",
                        "SoftDelete",
                        "Update",
                        "UpdateCalendarDelegation",
                        "UpdateFolderPermissions",
                        "UpdateInboxRules");
    }

    @Test
    void everyBaselineListsOnlyActionsTheLogonTypeMayAudit() {
        for (Baseline baseline : Baseline.values()) {
            for (LogonType logonType : LogonType.values()) {
                assertThat(baseline.defaults(logonType))
                        .as("%s %s", baseline.label(), logonType)
                        .allMatch(action -> action.configurableFor(logonType));
            }
        }
    }

    @Test
    void groupMailboxesHaveTheFixedSet() {
        var group = Baseline.groupMailboxActions();

        Set<String> others =
                Set.of("Create", "HardDelete", "MoveToDeletedItems", "SendAs", "SendOnBehalf", "SoftDelete", "Update");
        assertThat(names(group.get(LogonType.ADMIN))).isEqualTo(others);
        assertThat(names(group.get(LogonType.DELEGATE))).isEqualTo(others);
        assertThat(names(group.get(LogonType.OWNER)))
                .isEqualTo(Set.of("HardDelete", "MoveToDeletedItems", "SoftDelete", "Update"));
    }

    @Test
    void baselinesAreOrderedOldestFirstAndTheNewestIsTheDefault() {
        assertThat(Arrays.stream(Baseline.values()).map(Baseline::label)).containsExactly("2019-01", "2019-02", "2023");
        assertThat(Baseline.newest()).isEqualTo(Baseline.B2023);
    }

    @Test
    void labelsParseTrimmedAndUnknownOnesDoNot() {
        assertThat(Baseline.parse(" 2019-02 ")).contains(Baseline.B2019_02);
        assertThat(Baseline.parse("2024")).isEmpty();
        assertThat(Baseline.parse(null)).isEmpty();
    }

    @Test
    void onlyTheBaselineBeforeMailItemsAccessedAcceptsMessageBind() {
        assertThat(Baseline.B2019_01.acceptsMessageBind()).isTrue();
        assertThat(Baseline.B2019_02.acceptsMessageBind()).isFalse();
        assertThat(Baseline.B2023.acceptsMessageBind()).isFalse();
    }

    private static Set<String> names(Baseline baseline, LogonType logonType) {
        return names(baseline.defaults(logonType));
    }

    private static Set<String> names(Set<MailboxAction> actions) {
        return actions.stream().map(MailboxAction::exchangeName).collect(Collectors.toSet());
    }

    private static Set<String> plus(Set<String> base, String... added) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(Arrays.asList(added));
        return all;
    }
}
