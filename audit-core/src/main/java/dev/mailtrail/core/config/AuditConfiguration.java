package dev.mailtrail.core.config;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deployment's audit configuration: the organisation, every mailbox known so far and the accounts with
 * audit bypass. The one mutable owner of that state; identities compare case-insensitively, as Exchange's do.
 * Not thread-safe: one writer, as the audit core runs on one thread.
 */
public final class AuditConfiguration {
    private OrganizationConfig organization;
    private final Map<String, MailboxAuditConfig> mailboxes = new LinkedHashMap<>();
    private final Map<String, String> bypassed = new HashMap<>();

    public AuditConfiguration(OrganizationConfig organization) {
        this.organization = Objects.requireNonNull(organization, "organization");
    }

    public OrganizationConfig organization() {
        return organization;
    }

    public void setOrganization(OrganizationConfig organization) {
        this.organization = Objects.requireNonNull(organization, "organization");
    }

    /** The mailbox's configuration, bringing it into existence as a user mailbox on defaults if it is new. */
    public MailboxAuditConfig mailbox(String identity) {
        MailboxAuditConfig config = mailboxes.get(identity);
        if (config != null) {
            return config;
        }
        return mailboxes.computeIfAbsent(key(identity), k -> MailboxAuditConfig.newUserMailbox(identity));
    }

    public boolean knows(String identity) {
        return mailboxes.containsKey(identity) || mailboxes.containsKey(key(identity));
    }

    public void put(MailboxAuditConfig config) {
        mailboxes.put(key(config.identity()), config);
    }

    public Collection<MailboxAuditConfig> mailboxes() {
        return Collections.unmodifiableCollection(mailboxes.values());
    }

    /** {@code AuditBypassEnabled} of the acting account. */
    public boolean bypassed(String actor) {
        return !bypassed.isEmpty() && bypassed.containsKey(key(actor));
    }

    public void setBypass(String actor, boolean enabled) {
        if (enabled) {
            bypassed.put(key(actor), actor);
        } else {
            bypassed.remove(key(actor));
        }
    }

    /** The accounts with audit bypass, as they were named. */
    public Set<String> bypassedAccounts() {
        return Collections.unmodifiableSet(new TreeSet<>(bypassed.values()));
    }

    private static String key(String identity) {
        return identity.toLowerCase(Locale.ROOT);
    }
}
