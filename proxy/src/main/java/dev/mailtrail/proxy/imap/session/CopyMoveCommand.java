package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapSyntaxException;
import dev.mailtrail.proxy.imap.codec.SequenceSet;
import dev.mailtrail.proxy.session.FolderAccess;
import java.util.List;

/**
 * {@code COPY}, {@code MOVE} and their UID forms. The messages are taken from the sequence map when the command
 * arrives, before MOVE's EXPUNGEs renumber it. A MOVE into the Deleted Items folder ({@code \Trash}) is
 * MoveToDeletedItems, as deleting in Outlook is.
 */
final class CopyMoveCommand implements ImapCommand {

    private final boolean move;
    private final String target;
    private final FolderAccess source;
    private final List<Long> uids;

    private CopyMoveCommand(boolean move, String target, FolderAccess source, List<Long> uids) {
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
            List<Long> uids =
                    session.selected.uids(SequenceSet.parse(set), command.name().startsWith("UID "));
            return new CopyMoveCommand(command.name().endsWith("MOVE"), target, session.selected.access(), uids);
        } catch (ImapSyntaxException e) {
            return null;
        }
    }

    @Override
    public boolean untagged(ImapResponse response, ImapSessionState session) {
        return false;
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        if (!ImapCommand.ok(completion) || uids.isEmpty()) {
            return;
        }
        FolderAccess dest = session.folderAccess(target, 0);
        MailboxAction operation = !move
                ? MailboxAction.COPY
                : session.isTrash(target) ? MailboxAction.MOVE_TO_DELETED_ITEMS : MailboxAction.MOVE;
        session.emit(
                source.event(session.now(), operation, null, dest.folder(), session.items(source, uids), List.of()));
    }
}
