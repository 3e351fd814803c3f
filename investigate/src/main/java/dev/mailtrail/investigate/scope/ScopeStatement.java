package dev.mailtrail.investigate.scope;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scope in words, as an incident report states it ("The attacker read 14 messages in \Inbox … and synced
 * \Sent Items whole: every item in it must be assumed read. Auditing was blind from … to … (throttled).") and the
 * caveats that go with it.
 */
final class ScopeStatement {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int WINDOWS_STATED = 5;
    private static final int ACTIONS_STATED = 3;

    private final ScopeQuery query;
    private final List<MessageRead> reads;
    private final List<FolderSync> syncs;
    private final List<AttackerAction> actions;
    private final List<BlindWindow> windows;
    private final List<AttackerSession> sessions;
    private final List<SuspiciousSession> proposed;
    private final List<UnnamedRead> unnamed;

    ScopeStatement(
            ScopeQuery query,
            List<MessageRead> reads,
            List<FolderSync> syncs,
            List<AttackerAction> actions,
            List<BlindWindow> windows,
            List<AttackerSession> sessions,
            List<SuspiciousSession> proposed,
            List<UnnamedRead> unnamed) {
        this.query = query;
        this.unnamed = unnamed;
        this.reads = reads;
        this.syncs = syncs;
        this.actions = actions;
        this.windows = windows;
        this.sessions = sessions;
        this.proposed = proposed;
    }

    static String time(Instant instant) {
        return instant == null ? "the end of the records" : TIME.format(instant);
    }

    String statement() {
        List<String> sentences = new ArrayList<>();
        sentences.add("Mailbox " + query.mailbox() + ", " + window() + ".");
        if (query.attacker().isEmpty()) {
            sentences.add("No attacker was named, so the mailbox's whole activity is listed, in " + sessions.size()
                    + (sessions.size() == 1 ? " session" : " sessions")
                    + (proposed.isEmpty()
                            ? "; no session stands out."
                            : "; " + proposed.size() + (proposed.size() == 1 ? " session stands" : " sessions stand")
                                    + " out for the analyst to confirm."));
            sentences.add(readsAndSyncs());
            String other = otherActions();
            if (!other.isEmpty()) {
                sentences.add(other);
            }
        } else {
            sentences.add("Attacker: " + query.attacker().describe() + ", in " + sessions.size()
                    + (sessions.size() == 1 ? " session." : " sessions."));
            sentences.add(readsAndSyncs());
            String other = otherActions();
            if (!other.isEmpty()) {
                sentences.add(other);
            }
        }
        windows.stream().limit(WINDOWS_STATED).forEach(window -> sentences.add(blind(window)));
        if (windows.size() > WINDOWS_STATED) {
            sentences.add("And " + count(windows.size() - WINDOWS_STATED, "more blind window") + ".");
        }
        return String.join(" ", sentences);
    }

    List<String> caveats() {
        List<String> caveats = new ArrayList<>();
        caveats.add("Only what was audited is here: MailItemsAccessed records a read when the mailbox's audit"
                + " configuration included it, and a message read by a client that had cached it is not read again.");
        if (!syncs.isEmpty()) {
            caveats.add("Sync: a client copied the folder in bulk; every item in a synced folder must be assumed read"
                    + " (Microsoft), even where no Bind names it.");
        }
        if (!unnamed.isEmpty()) {
            caveats.add("Unnamed items: " + count(unnamedItems(), "item") + " read in " + unnamedWhere()
                    + " are counted by their records (OperationCount) but not named, as the export lost them"
                    + " (PowerShell's FolderItems=System.Object[]); "
                    + unnamed.getFirst().export() + ".");
        }
        if (windows.stream().anyMatch(window -> window.reason() == BlindWindow.Reason.THROTTLED)) {
            caveats.add("Throttled: after a record with IsThrottled=True no Bind is recorded for the mailbox for 24"
                    + " hours; every message in the mailbox then must be assumed read.");
        }
        if (reads.stream().anyMatch(read -> !read.message().isKnown())) {
            caveats.add("Subject, sender and date are shown where a record of the case names the message; the others"
                    + " need the mail store or a message trace.");
        }
        if (!query.attacker().ips().isEmpty()) {
            caveats.add("IP addresses are compared without a source port; an attacker behind a shared address (a"
                    + " VPN, a proxy) matches others who use it too.");
        }
        if (query.attacker().isEmpty()) {
            caveats.add("Suspicious sessions are proposals from the mailbox's own history (new IP, new client, several"
                    + " IPs in a session, unusual hours), without ASN or location data; confirm them before naming"
                    + " them as the attacker.");
        }
        return caveats;
    }

    /** Who the reads and actions are of: the attacker as named, or the mailbox's sessions when none is. */
    private String subject() {
        return query.attacker().isEmpty() ? "The mailbox's sessions" : "The attacker";
    }

    private String window() {
        if (query.from() == null && query.to() == null) {
            return "all records of the case";
        }
        return "from " + (query.from() == null ? "the first record" : time(query.from())) + " to "
                + (query.to() == null ? "the last record" : time(query.to()));
    }

    private String readsAndSyncs() {
        Set<String> messages = new LinkedHashSet<>();
        Set<String> folders = new LinkedHashSet<>();
        for (MessageRead read : reads) {
            messages.add(read.messageKey());
            if (read.folder() != null) {
                folders.add(read.folder());
            }
        }
        StringBuilder text = new StringBuilder(subject() + " read ");
        if (messages.isEmpty()) {
            text.append("no message that a Bind record names");
        } else {
            text.append(messages.size()).append(messages.size() == 1 ? " message" : " messages");
            if (!folders.isEmpty()) {
                text.append(" in ").append(inWords(List.copyOf(folders)));
            }
        }
        if (!unnamed.isEmpty()) {
            text.append(messages.isEmpty() ? ", but " : ", and ")
                    .append(count(unnamedItems(), "item"))
                    .append(" in ")
                    .append(unnamedWhere())
                    .append(" that the records count without naming them");
        }
        Map<String, Integer> synced = new LinkedHashMap<>();
        for (FolderSync sync : syncs) {
            synced.merge(sync.folder(), sync.syncedItems() == null ? -1 : sync.syncedItems(), ScopeStatement::largest);
        }
        if (!synced.isEmpty()) {
            List<String> parts = new ArrayList<>();
            synced.forEach((folder, items) -> parts.add(folder + (items < 0 ? "" : " (" + items + " items)")));
            text.append(messages.isEmpty() ? " but synced " : ", and synced ")
                    .append(inWords(parts))
                    .append(" whole: every item in ")
                    .append(synced.size() == 1 ? "it" : "them")
                    .append(" must be assumed read");
        }
        return text.append('.').toString();
    }

    private int unnamedItems() {
        return unnamed.stream().mapToInt(UnnamedRead::items).sum();
    }

    /** The folders of the unnamed reads and the sessions and IPs they came from, in words. */
    private String unnamedWhere() {
        Set<String> folders = new LinkedHashSet<>();
        Set<String> sessions = new LinkedHashSet<>();
        for (UnnamedRead read : unnamed) {
            folders.add(read.folder() == null ? "a folder the record does not name" : read.folder());
            sessions.add(read.access().sessionKey()
                    + (read.access().ip() == null
                            ? ""
                            : " from " + read.access().ip()));
        }
        return inWords(List.copyOf(folders)) + " (session " + inWords(List.copyOf(sessions)) + ")";
    }

    /** {@code A}, {@code A and B}, {@code A, B and C}. */
    private static String inWords(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    private static int largest(int a, int b) {
        return Math.max(a, b);
    }

    private String otherActions() {
        List<String> parts = new ArrayList<>();
        for (AttackerAction.Kind kind : AttackerAction.Kind.values()) {
            List<AttackerAction> ofKind =
                    actions.stream().filter(a -> a.kind() == kind).toList();
            if (ofKind.isEmpty() || kind == AttackerAction.Kind.SIGN_IN || kind == AttackerAction.Kind.SEARCH) {
                continue;
            }
            switch (kind) {
                case SEND -> parts.add("sent " + count(ofKind.size(), "message"));
                case INBOX_RULE -> parts.add(distinct("changed inbox rules", ofKind));
                case MAILBOX_FORWARDING -> parts.add(distinct("set mailbox forwarding", ofKind));
                case PERMISSION -> parts.add("changed permissions " + count(ofKind.size(), "time"));
                case DELETE -> parts.add(deleted(ofKind));
                case MOVE -> parts.add("moved or copied " + count(items(ofKind), "item"));
                case AUDIT_CHANGE -> parts.add(distinct("changed auditing", ofKind));
                case OTHER -> parts.add("ran " + count(ofKind.size(), "other admin command"));
                case SEARCH, SIGN_IN -> {
                    // reported in the timeline only
                }
            }
        }
        long searches = actions.stream()
                .filter(a -> a.kind() == AttackerAction.Kind.SEARCH)
                .count();
        if (searches > 0) {
            parts.add("searched the mailbox " + count((int) searches, "time"));
        }
        return parts.isEmpty() ? "" : "They also " + String.join("; ", parts) + ".";
    }

    /** {@code changed inbox rules (A; B)}, or with a count and the first few when there are many. */
    private static String distinct(String verb, List<AttackerAction> actions) {
        Set<String> summaries = new LinkedHashSet<>();
        actions.forEach(action -> summaries.add(action.summary()));
        List<String> shown = summaries.stream().limit(ACTIONS_STATED).toList();
        String more = summaries.size() > shown.size() ? "; and " + (summaries.size() - shown.size()) + " more" : "";
        String times = actions.size() == 1 ? "" : " " + count(actions.size(), "time");
        return verb + times + " (" + String.join("; ", shown) + more + ")";
    }

    /**
     * {@code deleted 1 item (<m@x>: MoveToDeletedItems → SoftDelete → HardDelete)}: each message once, however many
     * steps it went through; items a record counts without naming them count as they are.
     */
    private static String deleted(List<AttackerAction> actions) {
        Map<String, List<String>> chains = new LinkedHashMap<>();
        int unnamed = 0;
        for (AttackerAction action : actions) {
            unnamed += Math.max(0, action.items() - action.messages().size());
            for (String message : action.messages()) {
                chains.computeIfAbsent(message, key -> new ArrayList<>()).add(action.operation());
            }
        }
        String text = "deleted " + count(chains.size() + unnamed, "item");
        List<String> steps = chains.entrySet().stream()
                .filter(chain -> chain.getValue().size() > 1)
                .limit(ACTIONS_STATED)
                .map(chain -> chain.getKey() + ": " + String.join(" → ", chain.getValue()))
                .toList();
        return steps.isEmpty() ? text : text + " (" + String.join("; ", steps) + ")";
    }

    private static int items(List<AttackerAction> actions) {
        return actions.stream().mapToInt(AttackerAction::items).sum();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String blind(BlindWindow window) {
        return "Auditing was blind from " + time(window.from()) + " to " + time(window.to()) + " ("
                + window.reason().words() + ").";
    }
}
