package dev.mailtrail.proxy.imap.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** One IMAP argument: an atom, a quoted string, a literal or a parenthesised list (RFC 9051 §4). */
public sealed interface ImapToken {

    /**
     * An atom, including {@code NIL}, sequence sets and FETCH items such as {@code BODY.PEEK[HEADER.FIELDS (A B)]<0.9>}
     * whose bracketed section may hold spaces.
     */
    record Atom(String text) implements ImapToken {}

    /** A quoted string with its escapes undone. */
    record Quoted(String text) implements ImapToken {}

    /**
     * A literal {@code {n}}, {@code {n+}} (LITERAL+) or {@code ~{n}} (literal8). {@code data} holds the bytes that were
     * kept: all of them, or, when {@link #streamed()}, only a bounded prefix (possibly empty) and the size.
     */
    record Literal(long size, byte[] data, boolean synchronizing, boolean binary) implements ImapToken {
        public Literal {
            if (data.length > size) {
                throw new IllegalArgumentException("more data than size");
            }
        }

        /** True when the bytes were counted and passed on rather than kept. */
        public boolean streamed() {
            return data.length < size;
        }

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Literal l
                    && l.size == size
                    && l.synchronizing == synchronizing
                    && l.binary == binary
                    && Arrays.equals(l.data, data);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(size) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Literal[size=" + size + ", kept=" + data.length + ", sync=" + synchronizing + "]";
        }
    }

    /** A parenthesised list. */
    record ParenList(List<ImapToken> items) implements ImapToken {
        public ParenList {
            items = List.copyOf(items);
        }
    }

    /** The text of an atom, quoted string or kept literal; null for a list. */
    static String stringValue(ImapToken token) {
        return switch (token) {
            case Atom a -> a.text();
            case Quoted q -> q.text();
            case Literal l -> l.text();
            case ParenList p -> null;
        };
    }
}
