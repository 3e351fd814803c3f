package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapSyntaxException;
import dev.mailtrail.proxy.imap.codec.ImapToken;
import dev.mailtrail.proxy.imap.codec.SequenceSet;
import dev.mailtrail.proxy.session.FolderAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code STORE} and {@code UID STORE}. Setting {@code \Deleted} is a SoftDelete: the message is marked, still
 * recoverable until an expunge. Other flag and keyword changes ({@code \Seen}, {@code \Flagged}, {@code $Junk}) are
 * not audited: Exchange's Update covers changes to an item's content, and it does not audit read/unread or flag
 * changes either (docs/imap-audit-mapping.md).
 */
final class StoreCommand extends DestroyingCommand {

    private final FolderAccess folder;
    private final List<Long> uids;
    private final Boolean deleted;

    private StoreCommand(FolderAccess folder, List<Long> uids, Boolean deleted, OpenIntent intent) {
        super(intent);
        this.folder = folder;
        this.uids = uids;
        this.deleted = deleted;
    }

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        List<ImapToken> args = new ArrayList<>(command.arguments());
        if (args.size() > 1 && args.get(1) instanceof ImapToken.ParenList) {
            args.remove(1); // RFC 7162 (UNCHANGEDSINCE n)
        }
        if (args.size() < 3) {
            return null;
        }
        String set = Tokens.text(args.get(0));
        String item = Tokens.text(args.get(1));
        if (set == null || item == null) {
            return null;
        }
        item = item.toUpperCase(Locale.ROOT);
        boolean names = flags(args.subList(2, args.size())).contains("\\DELETED");
        Boolean deleted = item.startsWith("+")
                ? (names ? Boolean.TRUE : null)
                : item.startsWith("-") ? (names ? Boolean.FALSE : null) : Boolean.valueOf(names);
        try {
            SequenceSet parsed = SequenceSet.parse(set);
            boolean byUid = command.name().startsWith("UID ");
            List<Long> uids = session.selected.uids(parsed, byUid);
            OpenIntent intent = OpenIntent.of(null);
            if (Boolean.TRUE.equals(deleted)) {
                // an EXPUNGE pipelined behind this STORE removes these too: its intent names them
                session.selected.marking(uids, true);
                if (session.intents != null) {
                    // before the server has the command: the journal's sync runs while the server works (decision 0011)
                    intent = OpenIntent.of(session.intents.destroy(
                            command.name() + " " + set + " " + item,
                            MailboxAction.SOFT_DELETE,
                            null,
                            IntentItems.of(parsed, byUid, session),
                            session));
                }
            }
            return new StoreCommand(session.selected.access(), uids, deleted, intent);
        } catch (ImapSyntaxException e) {
            return null;
        }
    }

    private static List<String> flags(List<ImapToken> tokens) {
        List<String> out = new ArrayList<>();
        for (ImapToken t : tokens) {
            if (t instanceof ImapToken.ParenList p) {
                out.addAll(flags(p.items()));
            } else if (Tokens.text(t) != null) {
                out.add(Tokens.text(t).toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        if (ImapCommand.ok(completion) && deleted != null && session.selected != null) {
            session.selected.markDeleted(uids, deleted);
            if (deleted && !uids.isEmpty()) {
                session.emitAbout(folder, MailboxAction.SOFT_DELETE, null, session.items(folder, uids));
            }
        }
        if (Boolean.TRUE.equals(deleted) && session.selected != null) {
            session.selected.marking(uids, false);
        }
        intent.answered(completion.status(), session);
    }
}
