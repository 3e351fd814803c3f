package dev.mailtrail.proxy.imap.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A body section the server returned in a FETCH response ({@code BODY[…]}, {@code BINARY[…]}, {@code RFC822},
 * {@code RFC822.HEADER}, {@code RFC822.TEXT}): its size, {@code -1} for NIL, and its first bytes, up to the
 * scanner's capture bound.
 */
public record FetchSection(FetchItem item, long size, byte[] captured) {

    /** True when {@link #captured} holds the whole section. */
    public boolean complete() {
        return captured.length == Math.max(size, 0);
    }

    /**
     * The unfolded value of the first header field named {@code name} in the captured bytes, if it was captured in
     * full (the capture may end mid-header). Read from the bytes in place: this runs for every message a client
     * reads, and the capture can be much longer than the header.
     */
    public Optional<String> headerField(String name) {
        byte[] text = captured;
        int pos = 0;
        while (pos < text.length) {
            int end = lineEnd(text, pos);
            if (end < 0 || end == pos) {
                return Optional.empty();
            }
            if (namedAt(text, pos, name)) {
                StringBuilder value = new StringBuilder(
                        latin1(text, pos + name.length() + 1, end).trim());
                while (end + 2 < text.length && (text[end + 2] == ' ' || text[end + 2] == '\t')) {
                    int next = lineEnd(text, end + 2);
                    if (next < 0) {
                        return complete() ? Optional.of(value.toString()) : Optional.empty();
                    }
                    value.append(' ').append(latin1(text, end + 2, next).trim());
                    end = next;
                }
                if (end + 2 >= text.length && !complete()) {
                    return Optional.empty();
                }
                return Optional.of(value.toString());
            }
            pos = end + 2;
        }
        return Optional.empty();
    }

    /** Where the line starting at {@code from} ends (its CR), or -1 when no CRLF follows. */
    private static int lineEnd(byte[] text, int from) {
        for (int i = from; i + 1 < text.length; i++) {
            if (text[i] == '\r' && text[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Whether the line at {@code pos} starts with {@code name} and a colon, the name in any case. */
    private static boolean namedAt(byte[] text, int pos, String name) {
        if (pos + name.length() + 1 > text.length || text[pos + name.length()] != ':') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = (char) (text[pos + i] & 0xff);
            char n = name.charAt(i);
            if (c != n && Character.toLowerCase(c) != Character.toLowerCase(n)) {
                return false;
            }
        }
        return true;
    }

    private static String latin1(byte[] text, int from, int to) {
        return new String(text, from, to - from, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FetchSection f
                && f.item.equals(item)
                && f.size == size
                && Arrays.equals(f.captured, captured);
    }

    @Override
    public int hashCode() {
        return item.hashCode() * 31 + Long.hashCode(size);
    }

    @Override
    public String toString() {
        return "FetchSection[" + item.name() + "[" + item.section() + "], size=" + size + ", captured="
                + captured.length + "]";
    }
}
