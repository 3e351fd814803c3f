package dev.mailtrail.investigate.mailboxes;

import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.mailboxes.MailboxName.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one audit record says about mailbox names: which names it gives the mailbox it concerns, and which pairs of
 * names it shows to be one mailbox. Only pairings Exchange guarantees are learned: a mailbox record's owner fields
 * (MailboxOwnerUPN, MailboxGuid, MailboxOwnerSid); an owner's own logon (UserKey, LogonUserSid, LogonUserDisplayName
 * are the owner's); and an inbox-rule cmdlet, whose ObjectId ({@code …/contoso.onmicrosoft.com/<name>\Rule}) names
 * the mailbox of {@code -Mailbox}, of the mailbox part of {@code -Identity}, or else of the account that ran it.
 */
public final class RecordNames {
    private static final int EXCHANGE_ADMIN = 1;
    private static final int OWNER = 0;

    private RecordNames() {}

    /** The names a record gives the mailbox it concerns (its owner fields, or a cmdlet's target), normalised. */
    public static Set<String> mailboxNames(AuditRecord record) {
        Set<String> names = new LinkedHashSet<>();
        add(names, record.mailboxOwnerUpn());
        add(names, record.mailboxGuid());
        add(names, record.mailboxOwnerSid());
        if (!names.isEmpty()) {
            return names;
        }
        if (record.recordType() == EXCHANGE_ADMIN) {
            return cmdletTargetNames(record);
        }
        add(names, record.userId());
        add(names, record.objectId());
        return names;
    }

    /** The names a cmdlet gives the mailbox it ran against, in -Identity, -Mailbox and ObjectId, normalised. */
    public static Set<String> cmdletTargetNames(AuditRecord record) {
        Set<String> names = new LinkedHashSet<>();
        for (String target : cmdletTargets(record)) {
            names.addAll(pathNames(target));
        }
        return names;
    }

    /** Whether the record has mailbox owner fields, so only they say which mailbox it is about. */
    public static boolean hasOwnerFields(AuditRecord record) {
        return record.mailboxOwnerUpn() != null || record.mailboxGuid() != null || record.mailboxOwnerSid() != null;
    }

    /** The pairs of names the record shows to be one mailbox, with the reason in words. */
    static List<Pairing> pairings(AuditRecord record) {
        List<Pairing> pairings = new ArrayList<>();
        MailboxName owner = first(
                MailboxName.of(Kind.UPN, record.mailboxOwnerUpn()),
                MailboxName.of(Kind.MAILBOX_GUID, record.mailboxGuid()),
                MailboxName.of(Kind.SID, record.mailboxOwnerSid()));
        if (owner != null) {
            pair(pairings, owner, MailboxName.of(Kind.MAILBOX_GUID, record.mailboxGuid()), "MailboxGuid of");
            pair(pairings, owner, MailboxName.of(Kind.SID, record.mailboxOwnerSid()), "MailboxOwnerSid of");
            if (isOwnLogon(record)) {
                pair(pairings, owner, userKey(record.userKey()), "the owner's own logon: UserKey");
                pair(
                        pairings,
                        owner,
                        MailboxName.of(Kind.SID, record.logonUserSid()),
                        "the owner's logon: LogonUserSid");
                pair(
                        pairings,
                        owner,
                        MailboxName.of(Kind.DISPLAY_NAME, record.logonUserDisplayName()),
                        "the owner's logon: LogonUserDisplayName");
            }
        }
        if (record.recordType() == EXCHANGE_ADMIN && isInboxRuleCmdlet(record.operation())) {
            MailboxName inObjectId = MailboxName.of(Kind.OBJECT_NAME, mailboxPart(record.objectId()));
            MailboxName named = ruleMailbox(record);
            pair(pairings, named, inObjectId, "ObjectId of the rule names the mailbox of " + ruleMailboxSource(record));
        }
        return pairings;
    }

    /** Two names tied by one record, and why. */
    record Pairing(MailboxName name, MailboxName other, String why) {}

    private static void pair(List<Pairing> pairings, MailboxName name, MailboxName other, String why) {
        if (name != null && other != null && !name.value().equals(other.value())) {
            pairings.add(new Pairing(name, other, why));
        }
    }

    private static boolean isOwnLogon(AuditRecord record) {
        return record.logonType() != null
                && record.logonType() == OWNER
                && record.userId() != null
                && record.mailboxOwnerUpn() != null
                && record.userId().equalsIgnoreCase(record.mailboxOwnerUpn());
    }

    /** A UserKey that names a person; the service accounts Exchange puts there name no mailbox. */
    private static MailboxName userKey(String key) {
        if (key == null || key.contains("\\") || key.startsWith("S-1-5-18") || key.contains(" ")) {
            return null;
        }
        return MailboxName.of(Kind.USER_KEY, key);
    }

    private static boolean isInboxRuleCmdlet(String operation) {
        return operation != null && operation.toLowerCase(Locale.ROOT).endsWith("-inboxrule");
    }

    /** The mailbox a rule cmdlet acted on: -Mailbox, the mailbox part of -Identity, else who ran it. */
    private static MailboxName ruleMailbox(AuditRecord record) {
        String mailbox = parameter(record.parameters(), "Mailbox");
        if (mailbox != null) {
            return MailboxName.of(kindOf(mailbox), mailbox);
        }
        String identity = parameter(record.parameters(), "Identity");
        if (identity != null && identity.contains("\\")) {
            String part = mailboxPart(identity);
            return MailboxName.of(kindOf(part), part);
        }
        return MailboxName.of(Kind.UPN, record.userId());
    }

    private static String ruleMailboxSource(AuditRecord record) {
        if (parameter(record.parameters(), "Mailbox") != null) {
            return "-Mailbox";
        }
        String identity = parameter(record.parameters(), "Identity");
        return identity != null && identity.contains("\\") ? "-Identity" : "UserId (no -Mailbox: the caller's own)";
    }

    private static Kind kindOf(String text) {
        return text != null && text.contains("@") ? Kind.UPN : Kind.OBJECT_NAME;
    }

    /** Where a cmdlet names its target mailbox: -Identity, -Mailbox and ObjectId. */
    private static List<String> cmdletTargets(AuditRecord record) {
        List<String> targets = new ArrayList<>();
        for (String name : List.of("Identity", "Mailbox")) {
            String value = parameter(record.parameters(), name);
            if (value != null) {
                targets.add(value);
            }
        }
        if (record.objectId() != null) {
            targets.add(record.objectId());
        }
        return targets;
    }

    /**
     * The names a cmdlet's target text may give a mailbox: the whole text, its last path segment
     * ({@code …/contoso.onmicrosoft.com/alice}), and the mailbox part before a rule or folder
     * ({@code alice\Rule}, {@code alice:\Inbox}).
     */
    static Set<String> pathNames(String target) {
        Set<String> names = new LinkedHashSet<>();
        add(names, target);
        if (target.startsWith("/o=")) {
            // A legacy DN is one name, slashes and all.
            return names;
        }
        String segment = target.substring(target.lastIndexOf('/') + 1);
        add(names, segment);
        add(names, mailboxPart(target));
        String afterBackslash = segment.substring(segment.lastIndexOf('\\') + 1);
        if (afterBackslash.contains("@")) {
            // DOMAIN\\alice@contoso.com: an account, not a rule or folder.
            add(names, afterBackslash);
        }
        return names;
    }

    /** The mailbox part of {@code …/org/alice\Rule} or {@code alice:\Inbox}: {@code alice}; null if none. */
    static String mailboxPart(String target) {
        if (target == null) {
            return null;
        }
        if (target.startsWith("/o=")) {
            return target;
        }
        String segment = target.substring(target.lastIndexOf('/') + 1);
        int slash = segment.indexOf('\\');
        String part = slash >= 0 ? segment.substring(0, slash) : segment;
        if (part.endsWith(":")) {
            part = part.substring(0, part.length() - 1);
        }
        return part.isBlank() ? null : part;
    }

    private static MailboxName first(MailboxName... names) {
        for (MailboxName name : names) {
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static void add(Set<String> names, String text) {
        String value = MailboxName.normalised(text);
        if (!value.isEmpty()) {
            names.add(value);
        }
    }

    private static String parameter(List<NameValue> values, String name) {
        if (values == null) {
            return null;
        }
        for (NameValue value : values) {
            if (name.equalsIgnoreCase(value.name())
                    && value.value() != null
                    && !value.value().isBlank()) {
                return value.value();
            }
        }
        return null;
    }
}
