package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.session.FolderAccess;
import java.util.List;

/** {@code SEARCH} and {@code UID SEARCH}: SearchQueryInitiated, with the query as the client sent it (bounded). */
final class SearchCommand implements ImapCommand {

    private final FolderAccess folder;
    private final String query;

    private SearchCommand(FolderAccess folder, String query) {
        this.folder = folder;
        this.query = query;
    }

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        return new SearchCommand(session.selected.access(), Tokens.render(command.arguments()));
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        if (ImapCommand.ok(completion)) {
            session.emit(folder.event(
                    session.now(),
                    MailboxAction.SEARCH_QUERY_INITIATED,
                    null,
                    null,
                    List.of(),
                    List.of(new NameValue("SearchQuery", query))));
        }
    }
}
