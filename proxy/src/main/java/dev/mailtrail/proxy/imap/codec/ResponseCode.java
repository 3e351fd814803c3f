package dev.mailtrail.proxy.imap.codec;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** A response code such as {@code [READ-ONLY]}, {@code [UIDVALIDITY 3857529045]} or {@code [CAPABILITY …]}. */
public record ResponseCode(String name, String text) {

    /** Reads the code at the start of {@code s} (which begins with '['); null if there is none. */
    static ResponseCode parse(String s) {
        int close = s.indexOf(']');
        if (!s.startsWith("[") || close < 0) {
            return null;
        }
        String inner = s.substring(1, close);
        int sp = inner.indexOf(' ');
        String name = (sp < 0 ? inner : inner.substring(0, sp)).toUpperCase(Locale.ROOT);
        return new ResponseCode(name, sp < 0 ? "" : inner.substring(sp + 1));
    }

    /** The capability names of a CAPABILITY code, upper-cased; empty for any other code. */
    public List<String> capabilities() {
        return name.equals("CAPABILITY") ? words(text) : List.of();
    }

    /** The number of a code such as UIDVALIDITY, UIDNEXT or HIGHESTMODSEQ. */
    public OptionalLong number() {
        try {
            return OptionalLong.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static List<String> words(String s) {
        return s.isBlank()
                ? List.of()
                : List.of(s.trim().toUpperCase(Locale.ROOT).split(" +"));
    }
}
