package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapToken;

/**
 * {@code NAMESPACE}: the personal namespace gives the hierarchy separator, the other-users namespace the prefix
 * under which other users' folders appear ({@code (("Shared/" "/"))} on Dovecot).
 */
final class NamespaceCommand implements ImapCommand {

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        return new NamespaceCommand();
    }

    @Override
    public boolean untagged(ImapResponse response, ImapSessionState session) {
        if (!(response instanceof ImapResponse.Namespace ns) || ns.namespaces().size() < 2) {
            return false;
        }
        String[] personal = first(ns.namespaces().get(0));
        if (personal != null && personal[1] != null) {
            session.separator = personal[1];
        }
        String[] others = first(ns.namespaces().get(1));
        if (others != null) {
            session.sharedPrefix = others[0];
        }
        return true;
    }

    /** The prefix and separator of a namespace list's first entry; null for NIL. */
    private static String[] first(ImapToken namespace) {
        if (namespace instanceof ImapToken.ParenList list
                && !list.items().isEmpty()
                && list.items().getFirst() instanceof ImapToken.ParenList entry
                && entry.items().size() >= 2) {
            return new String[] {
                Tokens.text(entry.items().get(0)), Tokens.text(entry.items().get(1))
            };
        }
        return null;
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {}
}
