package dev.mailtrail.proxy.smtp.codec;

import java.util.Locale;
import java.util.Optional;

/**
 * The first mailbox address in an address header field (RFC 5322 §3.4) or an envelope path (RFC 5321 §4.1.2),
 * lower-cased: {@code Name <a@b>}, {@code a@b}, {@code a@b (comment)}, {@code group: a@b, c@d;}. Quoted display
 * names and comments are skipped so that an address hidden in them is not taken for the real one.
 */
public final class Addresses {

    private Addresses() {}

    /** The first address of a header field's value. */
    public static Optional<String> first(String value) {
        String v = withoutQuotedAndComments(value);
        int colon = v.indexOf(':');
        int lt = v.indexOf('<');
        if (colon >= 0 && (lt < 0 || colon < lt)) {
            v = v.substring(colon + 1); // a group's display name
            lt = v.indexOf('<');
        }
        if (lt >= 0) {
            int gt = v.indexOf('>', lt);
            return clean(gt < 0 ? v.substring(lt + 1) : v.substring(lt + 1, gt));
        }
        int comma = v.indexOf(',');
        return clean(comma < 0 ? v : v.substring(0, comma));
    }

    /** The address of {@code MAIL FROM:<a@b> SIZE=…}'s argument; empty for the null path {@code <>}. */
    public static Optional<String> path(String argument) {
        int colon = argument.indexOf(':');
        String rest = colon < 0 ? argument : argument.substring(colon + 1).strip();
        if (rest.startsWith("<")) {
            int gt = rest.indexOf('>');
            rest = gt < 0 ? rest.substring(1) : rest.substring(1, gt);
        } else {
            int sp = rest.indexOf(' ');
            rest = sp < 0 ? rest : rest.substring(0, sp);
        }
        int routeEnd = rest.lastIndexOf(':'); // a source route, @a,@b:user@c
        return clean(rest.startsWith("@") && routeEnd > 0 ? rest.substring(routeEnd + 1) : rest);
    }

    private static Optional<String> clean(String address) {
        String a = address.strip().replace(";", "");
        return a.isEmpty() || a.contains(" ") ? Optional.empty() : Optional.of(a.toLowerCase(Locale.ROOT));
    }

    private static String withoutQuotedAndComments(String value) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && (quoted || comment > 0)) {
                i++;
            } else if (quoted) {
                quoted = c != '"';
            } else if (c == '"' && comment == 0) {
                quoted = true;
            } else if (c == '(') {
                comment++;
            } else if (c == ')' && comment > 0) {
                comment--;
            } else if (comment == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
