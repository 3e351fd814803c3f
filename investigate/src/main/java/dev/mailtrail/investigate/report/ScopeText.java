package dev.mailtrail.investigate.report;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.BlindWindow;
import dev.mailtrail.investigate.scope.FolderSync;
import dev.mailtrail.investigate.scope.MessageRead;
import dev.mailtrail.investigate.scope.RuleWords;
import dev.mailtrail.investigate.scope.Scope;
import dev.mailtrail.investigate.scope.SuspiciousSession;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scope on one terminal screen: the statement, then the first lines of each finding (messages read, folders
 * synced, blind windows, other actions, suspicious sessions) with a count of the rest, which the CSV, JSON and
 * HTML outputs hold in full.
 */
public final class ScopeText {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int WIDTH = 110;
    private static final int LINES = 8;

    public void write(Scope scope, PrintWriter out) {
        out.println(TerminalText.safe("Scope of " + scope.query().mailbox() + " (" + scope.records()
                + " records of the mailbox in the window)"));
        for (String line : wrap(scope.statement())) {
            out.println("  " + line);
        }
        List<String> merges = MailboxNamesText.merges(scope.mailbox());
        if (!merges.isEmpty()) {
            section(out, "Mailbox names merged (records naming any of them are the mailbox's)", merges.size(), merges);
        }
        section(out, "Messages read (Bind)", scope.reads().size(), readLines(scope.reads()));
        List<String> syncs = syncLines(scope.syncs());
        section(out, "Folders taken whole (Sync): every item must be assumed read", syncs.size(), syncs);
        List<String> synced = syncedItemLines(scope.syncs());
        if (!synced.isEmpty()) {
            section(out, "Items MailTrail's Sync records list", synced.size(), synced);
        }
        List<String> blind = new ArrayList<>();
        for (BlindWindow window : scope.blindWindows()) {
            blind.add(time(window.from()) + " → " + (window.to() == null ? "(not ended)" : time(window.to())) + "  "
                    + window.reason().words() + ": " + window.detail());
        }
        section(out, "Blind windows", blind.size(), blind);
        List<String> actions = new ArrayList<>();
        for (AttackerAction action : scope.actions()) {
            actions.add(time(action.time()) + "  " + action.kind().words() + "  " + action.summary() + "  ["
                    + action.access().ip() + "]");
        }
        section(out, "Other actions", actions.size(), actions);
        if (!scope.suspiciousSessions().isEmpty()) {
            List<String> sessions = new ArrayList<>();
            for (SuspiciousSession session : scope.suspiciousSessions()) {
                sessions.add(session.sessionKey() + "  " + String.join(",", session.ips()) + "  "
                        + time(session.first()) + "  " + session.records()
                        + (session.records() == 1 ? " record: " : " records: ")
                        + String.join("; ", session.reasons()));
            }
            section(
                    out,
                    "Suspicious sessions to confirm (--attacker-session, --attacker-ip)",
                    sessions.size(),
                    sessions);
        }
        out.println();
        out.println("Caveats:");
        for (String caveat : scope.caveats()) {
            List<String> lines = wrap(caveat);
            out.println("  - " + lines.getFirst());
            lines.stream().skip(1).forEach(line -> out.println("    " + line));
        }
        out.flush();
    }

    private static List<String> readLines(List<MessageRead> reads) {
        List<String> lines = new ArrayList<>();
        for (MessageRead read : reads) {
            String subject = read.message().subject() == null
                    ? ""
                    : RuleWords.subject(read.message().subject()) + "  ";
            lines.add(time(read.time()) + "  " + read.folder() + "  " + subject + read.messageKey()
                    + (read.sizeInBytes() == null ? "" : "  " + read.sizeInBytes() + " B") + "  ["
                    + read.access().ip()
                    + " " + read.access().sessionKey() + "]");
        }
        return lines;
    }

    /**
     * One line per folder, as the statement counts them: when it was first taken, the most items one Sync record
     * names (each record lists every item that went out in its window), and how many Sync records there were until
     * when.
     */
    private static List<String> syncLines(List<FolderSync> syncs) {
        Map<String, List<FolderSync>> byFolder = new LinkedHashMap<>();
        for (FolderSync sync : syncs) {
            byFolder.computeIfAbsent(sync.folder(), f -> new ArrayList<>()).add(sync);
        }
        List<String> lines = new ArrayList<>();
        byFolder.forEach((folder, records) -> {
            FolderSync first = records.getFirst();
            Integer items = records.stream()
                    .map(FolderSync::syncedItems)
                    .filter(n -> n != null)
                    .max(Integer::compare)
                    .orElse(null);
            Instant last = records.stream()
                    .map(FolderSync::time)
                    .max(Instant::compareTo)
                    .orElse(first.time());
            List<String> notes = new ArrayList<>();
            if (items != null) {
                notes.add(items + (items == 1 ? " item" : " items"));
            }
            if (records.size() > 1) {
                notes.add(records.size() + " Sync records to " + time(last));
            }
            lines.add(
                    time(first.time()) + "  " + folder + (notes.isEmpty() ? "" : "  (" + String.join(", ", notes) + ")")
                            + "  [" + first.access().ip() + " " + first.access().client() + "]");
        });
        return lines;
    }

    /** Each item a MailTrail Sync record lists, once per folder: folder, subject, InternetMessageId. */
    private static List<String> syncedItemLines(List<FolderSync> syncs) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> lines = new ArrayList<>();
        for (FolderSync sync : syncs) {
            for (ItemRef item : sync.items()) {
                String key = item.internetMessageId() != null ? item.internetMessageId() : item.id();
                if (seen.add(sync.folder() + "|" + key)) {
                    String subject = item.subject() == null ? "" : RuleWords.subject(item.subject()) + "  ";
                    lines.add(sync.folder() + "  " + subject + key);
                }
            }
        }
        return lines;
    }

    private static void section(PrintWriter out, String title, int count, List<String> lines) {
        out.println();
        out.println(title + ": " + count);
        lines.stream().limit(LINES).forEach(line -> out.println("  " + TerminalText.cut(line, WIDTH)));
        if (lines.size() > LINES) {
            out.println("  … and " + (lines.size() - LINES) + " more (--format csv|json, --report FILE)");
        }
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : TerminalText.safe(text).split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String time(Instant time) {
        return time == null ? "" : TIME.format(time);
    }
}
