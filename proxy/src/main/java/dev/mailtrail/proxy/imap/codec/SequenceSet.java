package dev.mailtrail.proxy.imap.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence set such as {@code 1:*}, {@code 3,5:7} or {@code *} (RFC 9051 §9 {@code sequence-set}), or {@code $}
 * (the saved search result, RFC 5182). {@code *} is {@link #STAR}.
 */
public record SequenceSet(List<Range> ranges, boolean savedResult) {

    /** The largest number in use, written {@code *}. */
    public static final long STAR = Long.MAX_VALUE;

    private static final long MAX_NUMBER = 0xFFFF_FFFFL;

    /** {@code first:last} as written (either order); a single number has {@code first == last}. */
    public record Range(long first, long last) {
        public long low() {
            return Math.min(first, last);
        }

        public long high() {
            return Math.max(first, last);
        }
    }

    public SequenceSet {
        ranges = List.copyOf(ranges);
    }

    public static SequenceSet parse(String text) throws ImapSyntaxException {
        if (text.equals("$")) {
            return new SequenceSet(List.of(), true);
        }
        if (text.isEmpty()) {
            throw new ImapSyntaxException("empty sequence set");
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                long n = number(part);
                ranges.add(new Range(n, n));
            } else {
                ranges.add(new Range(number(part.substring(0, colon)), number(part.substring(colon + 1))));
            }
        }
        return new SequenceSet(ranges, false);
    }

    /** True when the set names exactly one message by number (no {@code *}, no range, not {@code $}). */
    public boolean isSingleNumber() {
        return !savedResult
                && ranges.size() == 1
                && ranges.get(0).first() == ranges.get(0).last()
                && ranges.get(0).first() != STAR;
    }

    /** True when {@code n} is in the set, {@code *} standing for {@code largest}. */
    public boolean contains(long n, long largest) {
        for (Range r : ranges) {
            long a = r.first() == STAR ? largest : r.first();
            long b = r.last() == STAR ? largest : r.last();
            if (n >= Math.min(a, b) && n <= Math.max(a, b)) {
                return true;
            }
        }
        return false;
    }

    private static long number(String s) throws ImapSyntaxException {
        if (s.equals("*")) {
            return STAR;
        }
        if (s.isEmpty() || s.length() > 10 || s.charAt(0) == '0') {
            throw new ImapSyntaxException("bad sequence number '" + s + "'");
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new ImapSyntaxException("bad sequence number '" + s + "'");
            }
            n = n * 10 + (c - '0');
        }
        if (n > MAX_NUMBER) {
            throw new ImapSyntaxException("sequence number over 2^32-1");
        }
        return n;
    }
}
