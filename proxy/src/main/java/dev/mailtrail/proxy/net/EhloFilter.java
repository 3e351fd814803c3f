package dev.mailtrail.proxy.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The EHLO reply as a submission listener offers it (RFC 5321 §4.1.1.1). Only extensions whose traffic the proxy
 * reads as the server does pass: SIZE, PIPELINING (replies are matched to commands in order, and input after DATA or
 * AUTH waits for the server's answer), 8BITMIME and SMTPUTF8 (message and addresses pass as bytes; headers are read
 * as UTF-8), DSN, ENHANCEDSTATUSCODES and the like, which change no data. Removed: CHUNKING and BINARYMIME (BDAT
 * chunks are not audited; every client falls back to DATA), BURL (the message would come from an IMAP URL the proxy
 * never sees), XFORWARD and any extension not known here. AUTH keeps PLAIN and LOGIN, the mechanisms that name the
 * user, and only where plaintext logins are allowed; STARTTLS follows the listener; XCLIENT is shown to trusted hosts
 * only.
 */
final class EhloFilter {

    private static final Set<String> PASSED = Set.of(
            "SIZE",
            "PIPELINING",
            "8BITMIME",
            "SMTPUTF8",
            "DSN",
            "ENHANCEDSTATUSCODES",
            "VRFY",
            "ETRN",
            "HELP",
            "DELIVERBY",
            "MT-PRIORITY",
            "REQUIRETLS",
            "LIMITS",
            "NO-SOLICITING");

    private EhloFilter() {}

    /**
     * @param lines the reply's lines without their {@code 250-}/{@code 250 } prefix, the greeting line first
     * @return the reply to send, CRLF-terminated lines
     */
    static String filter(List<String> lines, boolean offerStartTls, boolean authAllowed, boolean showXclient) {
        List<String> out = new ArrayList<>();
        out.add(lines.getFirst());
        for (String line : lines.subList(1, lines.size())) {
            String[] words = line.strip().split("[ =]", 2);
            String keyword = words[0].toUpperCase(Locale.ROOT);
            if (PASSED.contains(keyword) || (keyword.equals("XCLIENT") && showXclient)) {
                out.add(line);
            } else if (keyword.equals("AUTH") && authAllowed) {
                String mechanisms = mechanisms(words.length > 1 ? words[1] : "");
                if (!mechanisms.isEmpty()) {
                    out.add(line.substring(0, 5) + mechanisms);
                }
            }
        }
        if (offerStartTls) {
            out.add("STARTTLS");
        }
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < out.size(); i++) {
            reply.append(i == out.size() - 1 ? "250 " : "250-")
                    .append(out.get(i))
                    .append("\r\n");
        }
        return reply.toString();
    }

    private static String mechanisms(String list) {
        List<String> kept = new ArrayList<>();
        for (String m : list.strip().split(" ")) {
            String u = m.toUpperCase(Locale.ROOT);
            if ((u.equals("PLAIN") || u.equals("LOGIN")) && !kept.contains(u)) {
                kept.add(m);
            }
        }
        return String.join(" ", kept);
    }
}
