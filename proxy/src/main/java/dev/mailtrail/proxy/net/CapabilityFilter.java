package dev.mailtrail.proxy.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one change the proxy makes to IMAP responses (docs/proxy-configuration.md, "What the proxy changes"): in
 * {@code * CAPABILITY} responses and {@code [CAPABILITY …]} codes it removes what it cannot audit through
 * ({@link #UNAUDITABLE}) and says STARTTLS and LOGINDISABLED as its own client-side listener has them, not as the
 * server does. Every other byte of the line is kept.
 */
final class CapabilityFilter {

    private static final Pattern UNTAGGED = Pattern.compile("(?i)^(\\* CAPABILITY )([^\\r\\n]*)(\\r?\\n)$");
    private static final Pattern CODE = Pattern.compile("(?i)\\[CAPABILITY ([^\\]]*)\\]");

    /**
     * Capabilities whose traffic the proxy cannot audit, with why (docs/imap-audit-mapping.md, "Capabilities"); their
     * commands are refused by {@link ImapRelay} too, since a client may use them unannounced. {@code COMPRESS=} is
     * a prefix.
     */
    static final java.util.Map<String, String> UNAUDITABLE = java.util.Map.of(
            "COMPRESS=", "the stream would no longer be readable",
            "URLAUTH", "URLFETCH returns message text outside FETCH",
            "URLAUTH=BINARY", "URLFETCH returns message text outside FETCH",
            "CONVERT", "CONVERT returns converted body parts outside FETCH",
            "REPLACE", "REPLACE removes a message without EXPUNGE",
            "JMAPACCESS", "it points the client to JMAP, which does not pass the proxy");

    static boolean unauditable(String upperCapability) {
        return upperCapability.startsWith("COMPRESS=") || UNAUDITABLE.containsKey(upperCapability);
    }

    /** What the client-side listener offers on this connection now. */
    record Offer(boolean startTls, boolean loginDisabled) {}

    private CapabilityFilter() {}

    /** The longest response looked at: a capability line is far shorter, a FETCH response may be megabytes. */
    private static final int MAX_CARRIER = 16 * 1024;

    private static final byte[] WORD = "CAPABILITY".getBytes(StandardCharsets.US_ASCII);

    /** True when the line may carry capabilities; a cheap test before {@link #filter}. */
    static boolean mayCarry(byte[] line) {
        return mayCarry(Unpooled.wrappedBuffer(line));
    }

    /**
     * True when the response may carry capabilities, read where it lies: every response the proxy passes on whole
     * comes here, so it is neither copied nor decoded (the word is matched in ASCII, ignoring case).
     */
    static boolean mayCarry(ByteBuf response) {
        int n = response.readableBytes();
        if (n >= MAX_CARRIER) {
            return false;
        }
        int start = response.readerIndex();
        for (int i = 0; i + WORD.length <= n; i++) {
            int j = 0;
            while (j < WORD.length && (response.getByte(start + i + j) & 0xDF) == WORD[j]) {
                j++;
            }
            if (j == WORD.length) {
                return true;
            }
        }
        return false;
    }

    /** The line with its capability list filtered; the same array when nothing changes. */
    static byte[] filter(byte[] line, Offer offer) {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        Matcher untagged = UNTAGGED.matcher(text);
        String out;
        if (untagged.matches()) {
            out = untagged.group(1) + filtered(untagged.group(2), offer) + untagged.group(3);
        } else {
            Matcher code = CODE.matcher(text);
            if (!code.find() || !isStatusLine(text, code.start())) {
                return line;
            }
            out = text.substring(0, code.start()) + "[CAPABILITY " + filtered(code.group(1), offer) + "]"
                    + text.substring(code.end());
        }
        return out.equals(text) ? line : out.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The code must be the status response's code: right after {@code OK}, {@code NO}, {@code BAD}, {@code PREAUTH}. */
    private static boolean isStatusLine(String text, int codeStart) {
        String[] words = text.substring(0, codeStart).trim().split(" ");
        if (words.length != 2) {
            return false;
        }
        String status = words[1].toUpperCase(Locale.ROOT);
        return status.equals("OK")
                || status.equals("NO")
                || status.equals("BAD")
                || status.equals("PREAUTH")
                || status.equals("BYE");
    }

    static String filtered(String list, Offer offer) {
        List<String> kept = new ArrayList<>();
        for (String cap : list.trim().split(" +")) {
            String upper = cap.toUpperCase(Locale.ROOT);
            boolean drop = unauditable(upper)
                    || upper.equals("STARTTLS")
                    || upper.equals("LOGINDISABLED")
                    || (offer.loginDisabled() && (upper.equals("AUTH=PLAIN") || upper.equals("AUTH=LOGIN")));
            if (!drop && !cap.isEmpty()) {
                kept.add(cap);
            }
        }
        if (offer.startTls()) {
            kept.add("STARTTLS");
        }
        if (offer.loginDisabled()) {
            kept.add("LOGINDISABLED");
        }
        return String.join(" ", kept);
    }
}
