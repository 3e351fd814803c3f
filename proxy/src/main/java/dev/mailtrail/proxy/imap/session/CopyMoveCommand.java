package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapSyntaxException;
import dev.mailtrail.proxy.imap.codec.ResponseCode;
import dev.mailtrail.proxy.imap.codec.SequenceSet;
import dev.mailtrail.proxy.session.FolderAccess;
import java.util.List;

/**
 * {@code COPY}, {@code MOVE} and their UID forms. The messages are taken from the sequence map when the command
 * arrives, before MOVE's EXPUNGEs renumber it. A MOVE into the Deleted Items folder ({@code \Trash}) is
 * MoveToDeletedItems, as deleting in Outlook is. The identities follow the messages to their new UIDs ({@code
 * COPYUID}).
 */
final class CopyMoveCommand extends DestroyingCommand {

    private final boolean move;
    private final String target;
    private final FolderAccess source;
    private final List<Long> uids;
    private ResponseCode copyUid;

    private CopyMoveCommand(boolean move, String target, FolderAccess source, List<Long> uids, OpenIntent intent) {
        super(intent);
        this.move = move;
        this.target = target;
        this.source = source;
        this.uids = uids;
    }

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        if (command.arguments().size() < 2) {
            return null;
        }
        String set = Tokens.text(command.arguments().get(0));
        String target = Tokens.text(command.arguments().get(1));
        if (set == null || target == null) {
            return null;
        }
        try {
            SequenceSet parsed = SequenceSet.parse(set);
            boolean byUid = command.name().startsWith("UID ");
            List<Long> uids = session.selected.uids(parsed, byUid);
            boolean move = command.name().endsWith("MOVE");
            OpenIntent intent = OpenIntent.of(null);
            if (move && session.intents != null) {
                // before the server has the command: the journal's sync runs while the server works (decision 0011)
                intent = OpenIntent.of(session.intents.destroy(
                        command.name() + " " + set + " " + target,
                        moveOperation(session, target),
                        session.folderAccess(target, 0).folder(),
                        IntentItems.of(parsed, byUid, session),
                        session));
            }
            return new CopyMoveCommand(move, target, session.selected.access(), uids, intent);
        } catch (ImapSyntaxException e) {
            return null;
        }
    }

    /** Moving to Deleted Items ({@code \Trash}) is how Outlook deletes: MoveToDeletedItems, else Move. */
    private static MailboxAction moveOperation(ImapSessionState session, String target) {
        return session.isTrash(target) ? MailboxAction.MOVE_TO_DELETED_ITEMS : MailboxAction.MOVE;
    }

    @Override
    public boolean untagged(ImapResponse response, ImapSessionState session) {
        if (response instanceof ImapResponse.Status s && isCopyUid(s.code())) {
            copyUid = s.code(); // MOVE says it untagged, before its EXPUNGEs
        }
        return false;
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        copiedOrMoved(completion, session);
        intent.answered(completion.status(), session);
    }

    private void copiedOrMoved(ImapResponse.Tagged completion, ImapSessionState session) {
        if (!ImapCommand.ok(completion) || uids.isEmpty()) {
            return;
        }
        if (isCopyUid(completion.code())) {
            copyUid = completion.code();
        }
        FolderAccess dest = session.folderAccess(target, 0);
        if (copyUid != null) {
            followIdentities(session, dest);
        }
        MailboxAction operation = move ? moveOperation(session, target) : MailboxAction.COPY;
        session.emitAbout(source, operation, dest.folder(), session.items(source, uids));
    }

    private static boolean isCopyUid(ResponseCode code) {
        return code != null && code.name().equals("COPYUID");
    }

    /**
     * RFC 4315 {@code [COPYUID validity from to]}: each message's identity goes with it to its new UID, so that a
     * later purge of the target folder names what the move put there.
     */
    private void followIdentities(ImapSessionState session, FolderAccess dest) {
        String[] w = copyUid.text().trim().split(" ");
        if (w.length != 3) {
            return;
        }
        try {
            long validity = Long.parseLong(w[0]);
            List<Long> from = SelectedFolder.expand(SequenceSet.parse(w[1]));
            List<Long> to = SelectedFolder.expand(SequenceSet.parse(w[2]));
            FolderAccess target = session.folderAccess(this.target, validity);
            for (int i = 0; i < Math.min(from.size(), to.size()); i++) {
                session.identities.copied(
                        source.folderKey(), source.uidValidity(), from.get(i), target.folderKey(), validity, to.get(i));
            }
        } catch (NumberFormatException | ImapSyntaxException e) {
            // a COPYUID the proxy cannot read names nothing
        }
    }
}
