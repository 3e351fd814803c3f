package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.session.FolderAccess;
import java.util.List;

/**
 * {@code SELECT} and {@code EXAMINE}. The selected folder changes only on the tagged OK (Dovecot); its UIDVALIDITY
 * and EXISTS come from the untagged responses before it. Opening another user's folder is a FolderBind, which
 * Exchange audits for delegates and admins, never for owners.
 */
final class SelectExamineCommand implements ImapCommand {

    private final String mailbox;
    private final boolean examine;
    private final SequenceMap sequences;
    private long uidValidity;

    private SelectExamineCommand(String mailbox, boolean examine, int max) {
        this.mailbox = mailbox;
        this.examine = examine;
        this.sequences = new SequenceMap(max);
    }

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        String mailbox = command.arguments().isEmpty()
                ? null
                : Tokens.text(command.arguments().getFirst());
        return mailbox == null
                ? null
                : new SelectExamineCommand(
                        mailbox, command.name().equals("EXAMINE"), session.config.maxTrackedMessages());
    }

    @Override
    public boolean untagged(ImapResponse response, ImapSessionState session) {
        switch (response) {
            case ImapResponse.Exists e -> sequences.exists(e.count());
            case ImapResponse.Status s
            when s.code() != null && s.code().name().equals("UIDVALIDITY") ->
                uidValidity = s.code().number().orElse(0);
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        // RFC 9051 §6.3.2: a SELECT, even a failing one, leaves the folder selected before.
        session.deselect();
        if (!ImapCommand.ok(completion)) {
            return;
        }
        FolderAccess access = session.folderAccess(mailbox, uidValidity);
        if (access == null) {
            return;
        }
        boolean readOnly = examine
                || (completion.code() != null && completion.code().name().equals("READ-ONLY"));
        session.selected = new SelectedFolder(mailbox, access, readOnly, sequences);
        session.state = ProtocolState.SELECTED;
        if (access.logonType() != LogonType.OWNER) {
            session.emit(access.event(session.now(), MailboxAction.FOLDER_BIND, List.of()));
        }
    }
}
