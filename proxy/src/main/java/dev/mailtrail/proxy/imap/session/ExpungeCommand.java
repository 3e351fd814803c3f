package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapSyntaxException;
import dev.mailtrail.proxy.imap.codec.SequenceSet;
import dev.mailtrail.proxy.session.FolderAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code EXPUNGE}, {@code UID EXPUNGE} and {@code CLOSE}: messages removed for good, a HardDelete. EXPUNGE names
 * them in untagged {@code * n EXPUNGE} responses; CLOSE removes the {@code \Deleted} messages silently, so those
 * are the ones the session saw marked (by STORE or in FETCH flags).
 */
final class ExpungeCommand extends DestroyingCommand {

    private final boolean close;
    private final FolderAccess folder;
    private final List<Long> named;
    private final List<Long> removed = new ArrayList<>();
    private final List<Long> unknownAt = new ArrayList<>();
    private int unknown;

    private ExpungeCommand(boolean close, FolderAccess folder, List<Long> named, OpenIntent intent) {
        super(intent);
        this.close = close;
        this.folder = folder;
        this.named = named;
    }

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        List<Long> named = List.of();
        SequenceSet set = null;
        if (command.name().equals("UID EXPUNGE") && !command.arguments().isEmpty()) {
            try {
                set = SequenceSet.parse(Tokens.text(command.arguments().getFirst()));
                named = SelectedFolder.expand(set);
            } catch (ImapSyntaxException | RuntimeException e) {
                named = List.of();
            }
        }
        boolean close = command.name().equals("CLOSE");
        OpenIntent intent = OpenIntent.of(null);
        if (session.intents != null && !(close && session.selected.readOnly())) {
            // before the server has the command: the journal's sync runs while the server works (decision 0011)
            IntentItems removed = set != null
                    ? IntentItems.of(set, true, session)
                    : IntentItems.ofUids(
                            command.name().equals("UID EXPUNGE") ? List.of() : session.selected.toBeExpunged(),
                            session);
            intent = OpenIntent.of(session.intents.destroy(
                    set != null ? command.name() + " " + IntentItems.text(set) : command.name(),
                    MailboxAction.HARD_DELETE,
                    null,
                    removed,
                    session));
        }
        return new ExpungeCommand(close, session.selected.access(), named, intent);
    }

    @Override
    public boolean untagged(ImapResponse response, ImapSessionState session) {
        if (response instanceof ImapResponse.Expunge e && session.selected != null) {
            long uid = session.selected.sequences().uidAt(e.sequence());
            if (uid != 0) {
                removed.add(uid);
            } else {
                unknown++;
                unknownAt.add(e.sequence());
            }
        }
        if (response instanceof ImapResponse.Vanished v && !v.earlier()) {
            removed.addAll(SelectedFolder.expand(v.uids()));
        }
        return false; // the session still renumbers its map
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        emitRemoved(completion, session);
        intent.answered(completion.status(), session);
    }

    private void emitRemoved(ImapResponse.Tagged completion, ImapSessionState session) {
        if (!ImapCommand.ok(completion) || session.selected == null) {
            return;
        }
        if (close) {
            if (!session.selected.readOnly()) {
                removed.addAll(session.selected.takeDeleted());
            }
            session.deselect();
        } else {
            List<Long> rest = named.stream().filter(u -> !removed.contains(u)).toList();
            if (unknown > 0 && rest.size() == unknown) {
                removed.addAll(rest); // UID EXPUNGE removed exactly the UIDs it named that the map did not know
                unknownAt.clear();
            }
            session.selected.markDeleted(removed, false);
        }
        List<ItemRef> items = new ArrayList<>(session.items(folder, removed));
        // expunged messages whose UID the session never learnt are still recorded, by their number then
        unknownAt.forEach(n -> items.add(new ItemRef(null, folder.folder().id() + ";seq=" + n, null, null)));
        if (!items.isEmpty()) {
            session.emitAbout(folder, MailboxAction.HARD_DELETE, null, items);
        }
    }
}
