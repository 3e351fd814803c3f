package dev.mailtrail.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailboxAuditReasonsTest {
    private final AuditConfiguration configuration = new AuditConfiguration(OrganizationConfig.defaults());

    @Test
    void aDefaultMailboxSaysItsOwnersLoginsAreNotAuditedAndWhy() {
        Map<String, Object> view = MailboxAuditReasons.of(configuration, "alice@contoso.com");

        assertThat(view).containsEntry("identity", "alice@contoso.com").containsEntry("auditEnabled", true);
        assertThat(view).containsEntry("defaultAuditSet", List.of("Admin", "Delegate", "Owner"));
        assertThat(decision(view, "Owner", "MailboxLogin"))
                .containsEntry("audited", false)
                .containsEntry("reason", "not audited: Owner list lacks MailboxLogin");
        assertThat(decision(view, "Owner", "MailItemsAccessed"))
                .containsEntry("audited", true)
                .containsEntry("reason", "audited: Owner list has MailItemsAccessed");
    }

    @Test
    void aCustomisedListIsShownInExchangesOrderAndDecidesForItsLogonType() {
        configuration.put(configuration
                .mailbox("alice@contoso.com")
                .withCustomList(LogonType.OWNER, EnumSet.of(MailboxAction.MAILBOX_LOGIN, MailboxAction.HARD_DELETE)));

        Map<String, Object> view = MailboxAuditReasons.of(configuration, "alice@contoso.com");

        assertThat(view).containsEntry("auditOwner", List.of("HardDelete", "MailboxLogin"));
        assertThat(view).containsEntry("defaultAuditSet", List.of("Admin", "Delegate"));
        assertThat(decision(view, "Owner", "MailboxLogin")).containsEntry("audited", true);
        assertThat(decision(view, "Owner", "MailItemsAccessed"))
                .containsEntry("reason", "not audited: Owner list lacks MailItemsAccessed");
    }

    @Test
    void theOrganizationSwitchSilencesEveryActionAndBypassedAccountsAreNamed() {
        configuration.setOrganization(configuration.organization().withAuditDisabled(true));
        configuration.setBypass("backup@contoso.com", true);

        Map<String, Object> view = MailboxAuditReasons.of(configuration, "alice@contoso.com");

        assertThat(view).containsEntry("organization", Map.of("auditDisabled", true));
        assertThat(view).containsEntry("bypassedAccounts", List.of("backup@contoso.com"));
        assertThat(decision(view, "Delegate", "Update"))
                .containsEntry("audited", false)
                .containsEntry("reason", "not audited: organization AuditDisabled is True");
    }

    @Test
    void onlyActionsALogonTypesListCanHoldAreShownAndTheMailboxIsNotEnrolled() {
        Map<String, Object> view = MailboxAuditReasons.of(configuration, "new@contoso.com");

        assertThat(actions(view, "Owner"))
                .contains("MailboxLogin", "SearchQueryInitiated")
                .doesNotContain("SendAs");
        assertThat(actions(view, "Delegate")).doesNotContain("MailboxLogin", "AddFolderPermissions");
        assertThat(view).containsEntry("known", false);
        assertThat(configuration.knows("new@contoso.com")).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> group(Map<String, Object> view, String logonType) {
        return ((List<Map<String, Object>>) view.get("logonTypes"))
                .stream()
                        .filter(g -> g.get("logonType").equals(logonType))
                        .map(g -> (List<Map<String, Object>>) g.get("actions"))
                        .findFirst()
                        .orElseThrow();
    }

    private static List<Object> actions(Map<String, Object> view, String logonType) {
        return group(view, logonType).stream().map(a -> a.get("action")).toList();
    }

    private static Map<String, Object> decision(Map<String, Object> view, String logonType, String action) {
        return group(view, logonType).stream()
                .filter(a -> a.get("action").equals(action))
                .findFirst()
                .orElseThrow();
    }
}
