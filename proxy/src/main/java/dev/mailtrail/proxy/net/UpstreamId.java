package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.imap.codec.ImapToken;
import dev.mailtrail.proxy.session.ClientOrigin;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The IMAP {@code ID} the proxy sends the server so that Dovecot's logs name the end user and share MailTrail's
 * SessionId ({@code x-originating-ip}, {@code x-originating-port}, {@code x-connected-ip}, {@code
 * x-connected-port}, {@code x-session-id}; Dovecot's login proxy sends the same). Dovecot reads these fields only
 * from the first ID of a connection, so when a trusted client (webmail) sends an ID of its own, the proxy's fields
 * ride on the client's command instead of a second one: its name and version reach the server with the end user's
 * address, whatever address fields it carried replaced by the proxy's.
 */
final class UpstreamId {

    /** Fields the proxy sets itself; a client's values for them never reach the server. */
    private static final Set<String> OWN = Set.of(
            "x-originating-ip",
            "x-originating-port",
            "x-connected-ip",
            "x-connected-port",
            "x-session-id",
            "x-session-ext-id");

    private UpstreamId() {}

    /**
     * {@code TAG ID (…)}, CRLF-terminated: the client's own fields (none for the proxy's own command), then the
     * proxy's.
     */
    static String command(
            String tag, List<ImapToken> clientArguments, ClientOrigin origin, InetSocketAddress local, String id) {
        StringBuilder b = new StringBuilder(tag).append(" ID (");
        if (!clientArguments.isEmpty() && clientArguments.getFirst() instanceof ImapToken.ParenList list) {
            List<ImapToken> items = list.items();
            for (int i = 0; i + 1 < items.size(); i += 2) {
                String key = text(items.get(i));
                ImapToken value = items.get(i + 1);
                if (key == null || OWN.contains(key.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (value instanceof ImapToken.Atom a && a.text().equalsIgnoreCase("NIL")) {
                    b.append(quoted(key)).append(" NIL ");
                } else if (text(value) != null && printable(key) && printable(text(value))) {
                    b.append(quoted(key))
                            .append(' ')
                            .append(quoted(text(value)))
                            .append(' ');
                }
            }
        }
        b.append("\"x-originating-ip\" ").append(quoted(origin.ip()));
        if (origin.port() > 0) {
            b.append(" \"x-originating-port\" \"").append(origin.port()).append('"');
        }
        b.append(" \"x-connected-ip\" ")
                .append(quoted(
                        local.getAddress() == null
                                ? local.getHostString()
                                : local.getAddress().getHostAddress()))
                .append(" \"x-connected-port\" \"")
                .append(local.getPort())
                .append("\" \"x-session-id\" ")
                .append(quoted(id))
                .append(")\r\n");
        return b.toString();
    }

    private static String text(ImapToken t) {
        return t instanceof ImapToken.ParenList ? null : ImapToken.stringValue(t);
    }

    /** What a quoted string can carry (RFC 9051 forbids CR and LF; 8-bit text is left out rather than guessed). */
    private static boolean printable(String s) {
        return s.length() <= 1024 && s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
