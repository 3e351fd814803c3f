package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.imap.codec.ImapToken;
import java.util.List;

/** Renders command arguments back to text for event parameters, bounded as Dovecot's mail_log truncates. */
final class Tokens {

    static final int MAX_TEXT = 512;

    private Tokens() {}

    static String text(ImapToken token) {
        return token instanceof ImapToken.ParenList ? null : ImapToken.stringValue(token);
    }

    static String render(List<ImapToken> tokens) {
        StringBuilder b = new StringBuilder();
        for (ImapToken t : tokens) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            append(b, t);
        }
        return b.length() > MAX_TEXT ? b.substring(0, MAX_TEXT) : b.toString();
    }

    private static void append(StringBuilder b, ImapToken t) {
        switch (t) {
            case ImapToken.Atom a -> b.append(a.text());
            case ImapToken.Quoted q -> b.append('"').append(q.text()).append('"');
            case ImapToken.Literal l -> b.append('"').append(l.text()).append('"');
            case ImapToken.ParenList p -> {
                b.append('(');
                b.append(render(p.items()));
                b.append(')');
            }
        }
    }
}
