package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.session.FolderAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SETACL} and {@code DELETEACL} (RFC 4314): a folder permission granted, changed or removed, which Exchange
 * audits as UpdateFolderPermissions with the grantee and rights as parameters.
 */
final class AclCommand implements ImapCommand {

    private final String mailbox;
    private final List<NameValue> parameters;

    private AclCommand(String mailbox, List<NameValue> parameters) {
        this.mailbox = mailbox;
        this.parameters = parameters;
    }

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        List<String> args = command.arguments().stream().map(Tokens::text).toList();
        if (args.size() < 2 || args.contains(null)) {
            return null;
        }
        List<NameValue> parameters = new ArrayList<>();
        parameters.add(new NameValue("Command", command.name()));
        parameters.add(new NameValue("User", args.get(1)));
        if (command.name().equals("SETACL") && args.size() > 2) {
            parameters.add(new NameValue("AccessRights", args.get(2)));
        }
        return new AclCommand(args.get(0), parameters);
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        if (ImapCommand.ok(completion)) {
            FolderAccess folder = session.folderAccess(mailbox, 0);
            session.emit(folder.event(
                    session.now(), MailboxAction.UPDATE_FOLDER_PERMISSIONS, null, null, List.of(), parameters));
        }
    }
}
