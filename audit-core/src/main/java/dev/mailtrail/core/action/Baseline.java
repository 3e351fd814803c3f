package dev.mailtrail.core.action;

import static dev.mailtrail.core.action.MailboxAction.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A managed default set, as Microsoft rolled them out over time. Mailbox logon types still in
 * {@code DefaultAuditSet} follow the deployment's current baseline; customised ones keep their own list.
 */
public enum Baseline {
    /** Before MailItemsAccessed existed. */
    B2019_01(
            "2019-01",
            EnumSet.of(
                    CREATE,
                    HARD_DELETE,
                    MOVE_TO_DELETED_ITEMS,
                    SEND_AS,
                    SEND_ON_BEHALF,
                    SOFT_DELETE,
                    UPDATE,
                    UPDATE_CALENDAR_DELEGATION,
                    UPDATE_FOLDER_PERMISSIONS,
                    UPDATE_INBOX_RULES),
            EnumSet.of(
                    CREATE,
                    HARD_DELETE,
                    MOVE_TO_DELETED_ITEMS,
                    SEND_AS,
                    SEND_ON_BEHALF,
                    SOFT_DELETE,
                    UPDATE,
                    UPDATE_FOLDER_PERMISSIONS,
                    UPDATE_INBOX_RULES),
            EnumSet.of(
                    HARD_DELETE,
                    MOVE_TO_DELETED_ITEMS,
                    SOFT_DELETE,
                    UPDATE,
                    UPDATE_CALENDAR_DELEGATION,
                    UPDATE_FOLDER_PERMISSIONS,
                    UPDATE_INBOX_RULES)),
    /** "The two new mailbox actions": MailItemsAccessed for all three, Send for Admin and Owner. */
    B2019_02(
            "2019-02",
            with(B2019_01.admin, MAIL_ITEMS_ACCESSED, SEND),
            with(B2019_01.delegate, MAIL_ITEMS_ACCESSED),
            with(B2019_01.owner, MAIL_ITEMS_ACCESSED, SEND)),
    /** The current catalogue: every action marked default, which adds ApplyRecord. */
    B2023(
            "2023",
            catalogueDefaults(LogonType.ADMIN),
            catalogueDefaults(LogonType.DELEGATE),
            catalogueDefaults(LogonType.OWNER));

    private final String label;
    private final Set<MailboxAction> admin;
    private final Set<MailboxAction> delegate;
    private final Set<MailboxAction> owner;

    Baseline(String label, Set<MailboxAction> admin, Set<MailboxAction> delegate, Set<MailboxAction> owner) {
        this.label = label;
        this.admin = Collections.unmodifiableSet(admin);
        this.delegate = Collections.unmodifiableSet(delegate);
        this.owner = Collections.unmodifiableSet(owner);
    }

    /** The name used on the command line and in configuration, e.g. {@code 2019-02}. */
    public String label() {
        return label;
    }

    public Set<MailboxAction> defaults(LogonType logonType) {
        return switch (logonType) {
            case ADMIN -> admin;
            case DELEGATE -> delegate;
            case OWNER -> owner;
        };
    }

    /** Whether MessageBind may still be added: it was deprecated when MailItemsAccessed arrived. */
    public boolean acceptsMessageBind() {
        return this == B2019_01;
    }

    public static Baseline newest() {
        return B2023;
    }

    public static Optional<Baseline> parse(String label) {
        for (Baseline baseline : values()) {
            if (baseline.label.equalsIgnoreCase(label == null ? "" : label.trim())) {
                return Optional.of(baseline);
            }
        }
        return Optional.empty();
    }

    private static Set<MailboxAction> with(Set<MailboxAction> base, MailboxAction... added) {
        EnumSet<MailboxAction> set = EnumSet.copyOf(base);
        Collections.addAll(set, added);
        return set;
    }

    private static Set<MailboxAction> catalogueDefaults(LogonType logonType) {
        EnumSet<MailboxAction> set = EnumSet.noneOf(MailboxAction.class);
        for (MailboxAction action : MailboxAction.values()) {
            if (action.availability(logonType) == MailboxAction.Availability.DEFAULT) {
                set.add(action);
            }
        }
        return set;
    }

    /** Microsoft 365 group mailboxes: a fixed set that no cmdlet and no baseline changes. */
    public static Map<LogonType, Set<MailboxAction>> groupMailboxActions() {
        return GROUP;
    }

    private static final Map<LogonType, Set<MailboxAction>> GROUP = groupSet();

    private static Map<LogonType, Set<MailboxAction>> groupSet() {
        Set<MailboxAction> others = Collections.unmodifiableSet(
                EnumSet.of(CREATE, HARD_DELETE, MOVE_TO_DELETED_ITEMS, SEND_AS, SEND_ON_BEHALF, SOFT_DELETE, UPDATE));
        Set<MailboxAction> owner =
                Collections.unmodifiableSet(EnumSet.of(HARD_DELETE, MOVE_TO_DELETED_ITEMS, SOFT_DELETE, UPDATE));
        EnumMap<LogonType, Set<MailboxAction>> map = new EnumMap<>(LogonType.class);
        map.put(LogonType.ADMIN, others);
        map.put(LogonType.DELEGATE, others);
        map.put(LogonType.OWNER, owner);
        return Collections.unmodifiableMap(map);
    }
}
