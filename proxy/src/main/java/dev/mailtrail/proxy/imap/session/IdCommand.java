package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapToken;
import java.util.List;
import java.util.Locale;

/**
 * The client's RFC 2971 {@code ID}: its name and version become the ClientInfoString ({@code Client=IMAP4;
 * name=OfflineIMAP; version=8.0.0}). A hint only: most clients send none. Before login, a trusted peer (webmail)
 * names the end user with {@code x-originating-ip} and {@code x-originating-port}, Dovecot's convention, and
 * Dovecot's rule: taken only from {@code trusted-networks}, only before login; from anyone else ignored and logged.
 */
final class IdCommand implements ImapCommand {

    private static final int MAX_VALUE = 64;

    private final String name;
    private final String version;

    private IdCommand(String name, String version) {
        this.name = name;
        this.version = version;
    }

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        String name = null;
        String version = null;
        String originIp = null;
        String originPort = null;
        if (!command.arguments().isEmpty() && command.arguments().getFirst() instanceof ImapToken.ParenList list) {
            List<ImapToken> items = list.items();
            for (int i = 0; i + 1 < items.size(); i += 2) {
                String key = Tokens.text(items.get(i));
                String value = Tokens.text(items.get(i + 1));
                if (key != null && value != null && !(items.get(i + 1) instanceof ImapToken.Atom)) {
                    switch (key.toLowerCase(Locale.ROOT)) {
                        case "name" -> name = clean(value);
                        case "version" -> version = clean(value);
                        case "x-originating-ip" -> originIp = value;
                        case "x-originating-port" -> originPort = value;
                        default -> {}
                    }
                }
            }
        }
        boolean first = !session.idSeen;
        session.idSeen = true;
        if (originIp != null || originPort != null) {
            // Claimed now, not at the answer: a LOGIN pipelined behind the ID is then recorded from the end user.
            // Like Dovecot, only the first ID before login counts; an untrusted claim is logged wherever it comes.
            if (!session.origin.peerTrusted() || (first && session.state == ProtocolState.NOT_AUTHENTICATED)) {
                session.origin.claim(
                        originIp != null ? "ID x-originating-ip" : "ID x-originating-port", originIp, originPort);
            }
        }
        return new IdCommand(name, version);
    }

    private static String clean(String value) {
        String v = value.replace(';', ',').strip();
        return v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) : v;
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        if (ImapCommand.ok(completion) && name != null) {
            session.clientInfo = "Client=IMAP4; name=" + name + (version == null ? "" : "; version=" + version);
        }
    }
}
