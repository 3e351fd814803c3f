package dev.mailtrail.app.admin;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.AuditLogAgeLimit;
import dev.mailtrail.core.config.MailboxAuditConfig;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.decision.AuditDecision;
import dev.mailtrail.core.decision.AuditPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mailbox's audit configuration with the reason view: the properties Get-Mailbox shows, and for each logon type
 * and each action its list may hold, whether an access is audited and the core's sentence why
 * ({@code not audited: Owner list lacks MailboxLogin}). Decided by {@link AuditPolicy}, as a real access is, for an
 * actor without audit bypass (the bypassed accounts are listed beside it: they are silent in every mailbox).
 * The shape is the console's JSON (names, lists, booleans), built of maps and lists for any JSON writer.
 */
public final class MailboxAuditReasons {
    /** The order Exchange's cmdlets name logon types in. */
    private static final List<LogonType> LOGON_TYPES = List.of(LogonType.OWNER, LogonType.DELEGATE, LogonType.ADMIN);

    private MailboxAuditReasons() {}

    public static Map<String, Object> of(AuditConfiguration configuration, String identity) {
        OrganizationConfig organization = configuration.organization();
        boolean known = configuration.knows(identity);
        // looking a mailbox up would enrol it; one never configured is on the defaults it would get
        MailboxAuditConfig mailbox =
                known ? configuration.mailbox(identity) : MailboxAuditConfig.newUserMailbox(identity);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("identity", mailbox.identity());
        view.put("known", known);
        view.put("recipientTypeDetails", mailbox.type().exchangeName());
        view.put("auditEnabled", mailbox.auditEnabled());
        view.put("auditLogAgeLimit", AuditLogAgeLimit.format(mailbox.auditLogAgeLimit()));
        for (LogonType logonType : List.of(LogonType.ADMIN, LogonType.DELEGATE, LogonType.OWNER)) {
            String property = Character.toLowerCase(logonType.listProperty().charAt(0))
                    + logonType.listProperty().substring(1);
            view.put(property, MailboxAuditView.ordered(mailbox.actions(logonType, organization.baseline())));
        }
        view.put(
                "defaultAuditSet",
                mailbox.defaultAuditSet().stream()
                        .map(LogonType::cmdletName)
                        .sorted()
                        .toList());
        view.put("organization", Map.of("auditDisabled", organization.auditDisabled()));
        view.put(
                "bypassedAccounts",
                configuration.bypassedAccounts().stream().sorted().toList());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (LogonType logonType : LOGON_TYPES) {
            List<Map<String, Object>> actions = new ArrayList<>();
            for (MailboxAction action : MailboxAuditView.exchangeOrder()) {
                if (!action.configurableFor(logonType) || action.isFolderPermissionAlias()) {
                    continue;
                }
                String actor = logonType == LogonType.OWNER ? mailbox.identity() : "";
                AuditDecision decision = AuditPolicy.decide(organization, mailbox, false, actor, logonType, action);
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("action", action.exchangeName());
                one.put("audited", decision.audited());
                one.put("reason", decision.reason());
                actions.add(one);
            }
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("logonType", logonType.cmdletName());
            group.put("actions", actions);
            groups.add(group);
        }
        view.put("logonTypes", groups);
        return view;
    }
}
