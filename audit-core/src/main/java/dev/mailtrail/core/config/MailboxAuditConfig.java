package dev.mailtrail.core.config;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One mailbox's audit configuration. A logon type without a customised list is <em>managed</em>: it is in
 * {@code DefaultAuditSet} and its list is whatever the organisation's current baseline says, so rolling a
 * newer baseline out changes it and nothing else. Any write to a list customises that logon type.
 *
 * @param identity the mailbox, as first named (its owner's UPN)
 * @param customLists the customised lists; a logon type absent here is managed
 */
public record MailboxAuditConfig(
        String identity,
        MailboxType type,
        boolean auditEnabled,
        Map<LogonType, Set<MailboxAction>> customLists,
        Duration auditLogAgeLimit) {

    public MailboxAuditConfig {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(auditLogAgeLimit, "auditLogAgeLimit");
        EnumMap<LogonType, Set<MailboxAction>> copy = new EnumMap<>(LogonType.class);
        customLists.forEach((logonType, actions) -> copy.put(logonType, immutable(actions)));
        customLists = Collections.unmodifiableMap(copy);
    }

    /** A mailbox as it comes into existence: a user mailbox on defaults. */
    public static MailboxAuditConfig newUserMailbox(String identity) {
        return new MailboxAuditConfig(identity, MailboxType.USER_MAILBOX, true, Map.of(), AuditLogAgeLimit.DEFAULT);
    }

    public static MailboxAuditConfig newMailbox(String identity, MailboxType type) {
        return new MailboxAuditConfig(identity, type, type.auditedByDefault(), Map.of(), AuditLogAgeLimit.DEFAULT);
    }

    public boolean isGroupMailbox() {
        return type == MailboxType.GROUP_MAILBOX;
    }

    /** The list in force for a logon type: the fixed group set, the custom list, or the current baseline's. */
    public Set<MailboxAction> actions(LogonType logonType, Baseline baseline) {
        if (isGroupMailbox()) {
            return Baseline.groupMailboxActions().get(logonType);
        }
        Set<MailboxAction> custom = customLists.get(logonType);
        return custom != null ? custom : baseline.defaults(logonType);
    }

    /** {@code DefaultAuditSet}: the logon types Microsoft still manages. Group mailboxes always show all three. */
    public Set<LogonType> defaultAuditSet() {
        EnumSet<LogonType> managed = EnumSet.allOf(LogonType.class);
        if (!isGroupMailbox()) {
            managed.removeAll(customLists.keySet());
        }
        return Collections.unmodifiableSet(managed);
    }

    public MailboxAuditConfig withCustomList(LogonType logonType, Set<MailboxAction> actions) {
        EnumMap<LogonType, Set<MailboxAction>> lists = copyLists();
        lists.put(logonType, actions);
        return new MailboxAuditConfig(identity, type, auditEnabled, lists, auditLogAgeLimit);
    }

    /** {@code -DefaultAuditSet}: the logon type's list reverts to the current baseline and follows later ones. */
    public MailboxAuditConfig withManaged(LogonType logonType) {
        EnumMap<LogonType, Set<MailboxAction>> lists = copyLists();
        lists.remove(logonType);
        return new MailboxAuditConfig(identity, type, auditEnabled, lists, auditLogAgeLimit);
    }

    public MailboxAuditConfig withAuditEnabled(boolean enabled) {
        return new MailboxAuditConfig(identity, type, enabled, customLists, auditLogAgeLimit);
    }

    public MailboxAuditConfig withAuditLogAgeLimit(Duration limit) {
        return new MailboxAuditConfig(identity, type, auditEnabled, customLists, limit);
    }

    public MailboxAuditConfig withType(MailboxType newType) {
        return new MailboxAuditConfig(identity, newType, auditEnabled, customLists, auditLogAgeLimit);
    }

    private EnumMap<LogonType, Set<MailboxAction>> copyLists() {
        EnumMap<LogonType, Set<MailboxAction>> lists = new EnumMap<>(LogonType.class);
        lists.putAll(customLists);
        return lists;
    }

    private static Set<MailboxAction> immutable(Set<MailboxAction> actions) {
        return actions.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(MailboxAction.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(actions));
    }
}
