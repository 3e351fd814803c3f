package dev.mailtrail.investigate.scope;

import dev.mailtrail.investigate.mailboxes.MailboxIdentity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The answer to "which mail did the attacker read?" for one mailbox and window: the messages read, the folders
 * taken whole, where the record is blind, the attacker's other actions, the sessions they came in, a timeline,
 * the suspicious sessions proposed when the attacker is not (yet) named, and all of it in words.
 *
 * @param mailbox every name the case gives the mailbox, and which records or exports merged them
 * @param records how many records of the case concern the mailbox in the window
 * @param statement the scope in words, as a report states it
 * @param caveats what the scope cannot tell, in words
 * @param unnamedReads reads whose records count items without naming them
 */
public record Scope(
        ScopeQuery query,
        MailboxIdentity mailbox,
        long records,
        List<MessageRead> reads,
        List<FolderSync> syncs,
        List<BlindWindow> blindWindows,
        List<AttackerAction> actions,
        List<AttackerSession> sessions,
        List<SuspiciousSession> suspiciousSessions,
        List<TimelineEntry> timeline,
        String statement,
        List<String> caveats,
        List<UnnamedRead> unnamedReads) {
    public Scope {
        reads = List.copyOf(reads);
        syncs = List.copyOf(syncs);
        blindWindows = List.copyOf(blindWindows);
        actions = List.copyOf(actions);
        sessions = List.copyOf(sessions);
        suspiciousSessions = List.copyOf(suspiciousSessions);
        timeline = List.copyOf(timeline);
        caveats = List.copyOf(caveats);
        unnamedReads = List.copyOf(unnamedReads);
    }

    /** How many items were read without a record naming them. */
    public int unnamedItemsRead() {
        return unnamedReads.stream().mapToInt(UnnamedRead::items).sum();
    }

    /** The distinct messages read (by InternetMessageId, else item Id), in the order first read. */
    public Set<String> messagesRead() {
        Set<String> keys = new LinkedHashSet<>();
        reads.forEach(read -> keys.add(read.messageKey()));
        return keys;
    }

    /** The distinct folders synced, in the order first synced. */
    public Set<String> foldersSynced() {
        Set<String> folders = new LinkedHashSet<>();
        syncs.forEach(sync -> folders.add(sync.folder()));
        return folders;
    }

    public List<AttackerAction> actions(AttackerAction.Kind kind) {
        return actions.stream().filter(action -> action.kind() == kind).toList();
    }

    public List<BlindWindow> blindWindows(BlindWindow.Reason reason) {
        return blindWindows.stream().filter(window -> window.reason() == reason).toList();
    }
}
