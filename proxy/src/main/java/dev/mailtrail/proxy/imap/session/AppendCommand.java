package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.proxy.imap.codec.FetchItem;
import dev.mailtrail.proxy.imap.codec.FetchSection;
import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapSyntaxException;
import dev.mailtrail.proxy.imap.codec.ImapToken;
import dev.mailtrail.proxy.session.FolderAccess;
import dev.mailtrail.proxy.session.MessageIdentity;
import java.util.List;
import java.util.Optional;

/**
 * {@code APPEND}: an item created in a folder (a draft, a sent copy, an imported message), so Create. The
 * message's identity comes from the kept prefix of the literal, its UID from the {@code [APPENDUID v u]} code.
 */
final class AppendCommand implements ImapCommand {

    private final String mailbox;
    private final long size;
    private final MessageIdentity identity;

    private AppendCommand(String mailbox, long size, MessageIdentity identity) {
        this.mailbox = mailbox;
        this.size = size;
        this.identity = identity;
    }

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        List<ImapToken> args = command.arguments();
        String mailbox = args.isEmpty() ? null : Tokens.text(args.getFirst());
        if (mailbox == null || !(args.getLast() instanceof ImapToken.Literal message)) {
            return null;
        }
        MessageIdentity identity = null;
        try {
            FetchSection headers = new FetchSection(FetchItem.parse("BODY[]"), message.size(), message.data());
            identity = ImapSessionState.identityIn(List.of(headers))
                    .map(id -> new MessageIdentity(id.internetMessageId(), id.subject(), message.size()))
                    .orElse(null);
        } catch (ImapSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new AppendCommand(mailbox, message.size(), identity);
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        if (!ImapCommand.ok(completion)) {
            return;
        }
        long uidValidity = 0;
        long uid = 0;
        if (completion.code() != null && completion.code().name().equals("APPENDUID")) {
            String[] w = completion.code().text().trim().split(" ");
            if (w.length == 2) {
                uidValidity = parse(w[0]);
                uid = parse(w[1]);
            }
        }
        FolderAccess folder = session.folderAccess(mailbox, uidValidity);
        if (uid != 0 && identity != null) {
            session.identities.seen(folder.folderKey(), uidValidity, uid, identity);
        }
        ItemRef item = uid != 0
                ? session.item(folder, uid, size, identity)
                : new ItemRef(
                        Optional.ofNullable(identity)
                                .map(MessageIdentity::internetMessageId)
                                .orElse(null),
                        folder.folder().id(),
                        size,
                        identity == null ? null : identity.subject());
        session.emit(folder.event(session.now(), MailboxAction.CREATE, List.of(item)));
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
