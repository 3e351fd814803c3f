package dev.mailtrail.proxy.imap.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
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
     * full (the capture may end mid-header).
     */
    public Optional<String> headerField(String name) {
        String text = new String(captured, StandardCharsets.ISO_8859_1);
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        int pos = 0;
        while (pos < text.length()) {
            int end = text.indexOf("\r\n", pos);
            if (end < 0 || end == pos) {
                return Optional.empty();
            }
            if (text.regionMatches(true, pos, prefix, 0, prefix.length())) {
                StringBuilder value = new StringBuilder(
                        text.substring(pos + prefix.length(), end).trim());
                while (end + 2 < text.length() && (text.charAt(end + 2) == ' ' || text.charAt(end + 2) == '\t')) {
                    int next = text.indexOf("\r\n", end + 2);
                    if (next < 0) {
                        return complete() ? Optional.of(value.toString()) : Optional.empty();
                    }
                    value.append(' ').append(text.substring(end + 2, next).trim());
                    end = next;
                }
                if (end + 2 >= text.length() && !complete()) {
                    return Optional.empty();
                }
                return Optional.of(value.toString());
            }
            pos = end + 2;
        }
        return Optional.empty();
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
