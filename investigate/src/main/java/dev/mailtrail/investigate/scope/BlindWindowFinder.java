package dev.mailtrail.investigate.scope;

import dev.mailtrail.core.record.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a mailbox's audit record is blind, from records given in time order: throttled MailItemsAccessed
 * records (the next 24 hours of Bind unrecorded, exchange-audit.md §5), {@code Set-OrganizationConfig
 * -AuditDisabled}, {@code Set-MailboxAuditBypassAssociation} for an account that acts in the mailbox, and
 * {@code Set-Mailbox -AuditOwner|-AuditDelegate|-AuditAdmin} writes that leave MailItemsAccessed out. A window
 * still open at the last record has no end.
 */
final class BlindWindowFinder {
    static final Duration THROTTLING = Duration.ofHours(24);
    private static final String MAIL_ITEMS_ACCESSED = "mailitemsaccessed";
    private static final List<String> AUDIT_LISTS = List.of("AuditOwner", "AuditDelegate", "AuditAdmin");
    private static final Pattern ADD = Pattern.compile("(?i)\\bAdd\\s*=\\s*([^;}]*)");
    private static final Pattern REMOVE = Pattern.compile("(?i)\\bRemove\\s*=\\s*([^;}]*)");

    private final MailboxTarget mailbox;
    private final Set<String> actors;
    private final List<BlindWindow> windows = new ArrayList<>();
    private Open auditDisabled;
    private final Map<String, Open> bypassed = new HashMap<>();
    private final Map<String, Open> listsWithout = new HashMap<>();

    /**
     * @param actors the accounts (lower case) whose audit bypass blinds the mailbox: its owner, the attacker's
     *     accounts and every account seen acting as the attacker
     */
    BlindWindowFinder(MailboxTarget mailbox, Set<String> actors) {
        this.mailbox = mailbox;
        this.actors = actors;
    }

    void accept(AuditRecord record) {
        if (record.isThrottled() && mailbox.concerns(record)) {
            windows.add(new BlindWindow(
                    record.creationTime(),
                    record.creationTime().plus(THROTTLING),
                    BlindWindow.Reason.THROTTLED,
                    "MailItemsAccessed record " + record.id() + " has IsThrottled=True (" + record.userId() + ")"));
        }
        if (record.recordType() != 1 || "False".equalsIgnoreCase(record.resultStatus())) {
            return;
        }
        switch (record.operation() == null ? "" : record.operation()) {
            case "Set-OrganizationConfig" -> organisation(record);
            case "Set-MailboxAuditBypassAssociation" -> bypass(record);
            case "Set-Mailbox" -> {
                if (mailbox.isTarget(record)) {
                    auditLists(record);
                }
            }
            default -> {
                // other cmdlets leave auditing as it was
            }
        }
    }

    /** The windows found, those still open left without an end, in order of their start. */
    List<BlindWindow> finish() {
        List<BlindWindow> all = new ArrayList<>(windows);
        if (auditDisabled != null) {
            all.add(auditDisabled.until(null));
        }
        bypassed.values().forEach(open -> all.add(open.until(null)));
        listsWithout.values().forEach(open -> all.add(open.until(null)));
        all.sort(Comparator.comparing(BlindWindow::reason).thenComparing(BlindWindow::from));
        List<BlindWindow> merged = merged(all);
        merged.sort(Comparator.comparing(BlindWindow::from).thenComparing(BlindWindow::reason));
        return merged;
    }

    /**
     * Overlapping throttled windows as one: a mailbox throttled again while still throttled stays blind until the
     * last window ends. The detail names the first record and how many more there were. (Windows of the other
     * reasons each concern one account or one audit list, and stay apart.)
     */
    private static List<BlindWindow> merged(List<BlindWindow> sorted) {
        List<BlindWindow> merged = new ArrayList<>();
        BlindWindow current = null;
        int joined = 0;
        for (BlindWindow window : sorted) {
            boolean overlaps = current != null
                    && window.reason() == BlindWindow.Reason.THROTTLED
                    && current.reason() == window.reason()
                    && (current.to() == null || !window.from().isAfter(current.to()));
            if (overlaps) {
                Instant to = current.to() == null || window.to() == null
                        ? null
                        : window.to().isAfter(current.to()) ? window.to() : current.to();
                current = new BlindWindow(current.from(), to, current.reason(), current.detail());
                joined++;
                continue;
            }
            if (current != null) {
                merged.add(withJoined(current, joined));
            }
            current = window;
            joined = 0;
        }
        if (current != null) {
            merged.add(withJoined(current, joined));
        }
        return merged;
    }

    private static BlindWindow withJoined(BlindWindow window, int joined) {
        return joined == 0
                ? window
                : new BlindWindow(
                        window.from(),
                        window.to(),
                        window.reason(),
                        window.detail() + ", and " + joined + " more record" + (joined == 1 ? "" : "s")
                                + " before it ended");
    }

    private void organisation(AuditRecord record) {
        String value = MailboxTarget.parameter(record.parameters(), "AuditDisabled");
        if (value == null) {
            return;
        }
        if (isTrue(value) && auditDisabled == null) {
            auditDisabled = new Open(
                    record.creationTime(),
                    BlindWindow.Reason.AUDIT_DISABLED,
                    "Set-OrganizationConfig -AuditDisabled " + value + " by " + record.userId());
        } else if (!isTrue(value) && auditDisabled != null) {
            windows.add(auditDisabled.until(record.creationTime()));
            auditDisabled = null;
        }
    }

    private void bypass(AuditRecord record) {
        String identity = MailboxTarget.parameter(record.parameters(), "Identity");
        String enabled = MailboxTarget.parameter(record.parameters(), "AuditBypassEnabled");
        if (identity == null || enabled == null) {
            return;
        }
        String account = identity.strip().toLowerCase(Locale.ROOT);
        if (!actors.contains(account)) {
            return;
        }
        Open open = bypassed.get(account);
        if (isTrue(enabled) && open == null) {
            bypassed.put(
                    account,
                    new Open(
                            record.creationTime(),
                            BlindWindow.Reason.AUDIT_BYPASS,
                            "Set-MailboxAuditBypassAssociation -Identity " + identity + " -AuditBypassEnabled "
                                    + enabled + " by " + record.userId()));
        } else if (!isTrue(enabled) && open != null) {
            windows.add(open.until(record.creationTime()));
            bypassed.remove(account);
        }
    }

    private void auditLists(AuditRecord record) {
        for (String list : AUDIT_LISTS) {
            String value = MailboxTarget.parameter(record.parameters(), list);
            if (value == null) {
                continue;
            }
            Boolean audited = mailItemsAccessedAfter(value);
            Open open = listsWithout.get(list);
            if (Boolean.FALSE.equals(audited) && open == null) {
                listsWithout.put(
                        list,
                        new Open(
                                record.creationTime(),
                                BlindWindow.Reason.MAIL_ITEMS_ACCESSED_REMOVED,
                                "Set-Mailbox -" + list + " " + value + " by " + record.userId()
                                        + ": MailItemsAccessed no longer audited for " + logonType(list)));
            } else if (Boolean.TRUE.equals(audited) && open != null) {
                windows.add(open.until(record.creationTime()));
                listsWithout.remove(list);
            }
        }
        String defaults = MailboxTarget.parameter(record.parameters(), "DefaultAuditSet");
        if (defaults != null) {
            // Re-enrolling a logon type resets its list to the baseline, which audits MailItemsAccessed.
            for (String list : AUDIT_LISTS) {
                Open open = listsWithout.get(list);
                if (open != null
                        && defaults.toLowerCase(Locale.ROOT)
                                .contains(logonType(list).toLowerCase(Locale.ROOT))) {
                    windows.add(open.until(record.creationTime()));
                    listsWithout.remove(list);
                }
            }
        }
    }

    /** True when the write audits MailItemsAccessed, false when it leaves it out, null when it does not say. */
    static Boolean mailItemsAccessedAfter(String value) {
        String text = value.strip();
        if (text.startsWith("@{")) {
            if (names(REMOVE, text)) {
                return false;
            }
            return names(ADD, text) ? true : null;
        }
        return text.toLowerCase(Locale.ROOT).contains(MAIL_ITEMS_ACCESSED);
    }

    private static boolean names(Pattern part, String text) {
        Matcher matcher = part.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).toLowerCase(Locale.ROOT).contains(MAIL_ITEMS_ACCESSED)) {
                return true;
            }
        }
        return false;
    }

    private static String logonType(String list) {
        return list.substring("Audit".length());
    }

    static boolean isTrue(String value) {
        String text = value.strip();
        return text.equalsIgnoreCase("True") || text.equalsIgnoreCase("$true") || text.equals("1");
    }

    private record Open(Instant from, BlindWindow.Reason reason, String detail) {
        BlindWindow until(Instant to) {
            return new BlindWindow(from, to, reason, detail);
        }
    }
}
