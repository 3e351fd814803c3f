package dev.mailtrail.proxy.imap.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns the line fragments of one command or response (the text between CRLFs, with literals in between) into
 * {@link ImapToken}s. A fragment may end with a literal marker; its bytes are then handed in with {@link #literal}.
 * Parenthesised lists may span literals. Nesting is bounded.
 */
final class ImapTokenizer {

    static final int MAX_DEPTH = 32;

    /** A literal announced at the end of a fragment. */
    record LiteralMarker(long size, boolean synchronizing, boolean binary) {}

    private final Deque<List<ImapToken>> open = new ArrayDeque<>();

    ImapTokenizer() {
        open.push(new ArrayList<>());
    }

    /** Tokens at the outermost level so far (lists still open are not included). */
    List<ImapToken> top() {
        return open.peekLast();
    }

    void literal(ImapToken.Literal literal) {
        open.peek().add(literal);
    }

    /**
     * The tokens so far as if every open list closed after {@code last} (null: nothing more): what a response still
     * being read has shown. Leaves the tokenizer as it was.
     */
    List<ImapToken> soFar(ImapToken last) {
        java.util.Iterator<List<ImapToken>> levels = open.iterator(); // innermost first
        List<ImapToken> current = new ArrayList<>(levels.next());
        if (last != null) {
            current.add(last);
        }
        while (levels.hasNext()) {
            List<ImapToken> outer = new ArrayList<>(levels.next());
            outer.add(new ImapToken.ParenList(List.copyOf(current)));
            current = outer;
        }
        return List.copyOf(current);
    }

    /** Tokenizes {@code b[from, to)}; returns the literal marker it ends with, or null. */
    LiteralMarker fragment(byte[] b, int from, int to) throws ImapSyntaxException {
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c == ' ') {
                i++;
            } else if (c == '(') {
                if (open.size() > MAX_DEPTH) {
                    throw new ImapSyntaxException("lists nested too deep");
                }
                open.push(new ArrayList<>());
                i++;
            } else if (c == ')') {
                if (open.size() == 1) {
                    throw new ImapSyntaxException("unbalanced ')'");
                }
                List<ImapToken> items = open.pop();
                open.peek().add(new ImapToken.ParenList(items));
                i++;
            } else if (c == '"') {
                i = quoted(b, i + 1, to);
            } else if (c == '{' || (c == '~' && i + 1 < to && b[i + 1] == '{')) {
                return marker(b, c == '~' ? i + 2 : i + 1, to, c == '~');
            } else {
                i = atom(b, i, to);
            }
        }
        return null;
    }

    /** The tokens once the last fragment is in; fails if a list is still open. */
    List<ImapToken> finish() throws ImapSyntaxException {
        if (open.size() != 1) {
            throw new ImapSyntaxException("unbalanced '('");
        }
        return List.copyOf(open.peek());
    }

    private int quoted(byte[] b, int i, int to) throws ImapSyntaxException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (i < to) {
            byte c = b[i++];
            if (c == '"') {
                open.peek().add(new ImapToken.Quoted(out.toString(StandardCharsets.UTF_8)));
                return i;
            }
            if (c == '\\') {
                if (i >= to || (b[i] != '"' && b[i] != '\\')) {
                    throw new ImapSyntaxException("bad escape in quoted string");
                }
                c = b[i++];
            } else if (c == 0) {
                throw new ImapSyntaxException("NUL in quoted string");
            }
            out.write(c);
        }
        throw new ImapSyntaxException("unterminated quoted string");
    }

    private LiteralMarker marker(byte[] b, int i, int to, boolean binary) throws ImapSyntaxException {
        long size = 0;
        int digits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            if (++digits > 18) {
                throw new ImapSyntaxException("literal size too long");
            }
            size = size * 10 + (b[i++] - '0');
        }
        boolean sync = true;
        if (i < to && b[i] == '+') {
            sync = false;
            i++;
        }
        if (digits == 0 || i != to - 1 || b[i] != '}') {
            throw new ImapSyntaxException("bad literal marker");
        }
        return new LiteralMarker(size, sync, binary);
    }

    /** An atom; a '[' opens a section that runs to its matching ']' and may hold spaces, lists and quotes. */
    private int atom(byte[] b, int i, int to) throws ImapSyntaxException {
        int start = i;
        int brackets = 0;
        boolean inQuote = false;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x20 || c == 0x7f) {
                throw new ImapSyntaxException("control character in atom");
            }
            if (inQuote) {
                if (c == '\\') {
                    if (++i >= to) {
                        throw new ImapSyntaxException("bad escape in quoted string");
                    }
                } else if (c == '"') {
                    inQuote = false;
                }
            } else if (brackets > 0) {
                if (c == '[') {
                    brackets++;
                } else if (c == ']') {
                    brackets--;
                } else if (c == '"') {
                    inQuote = true;
                }
            } else if (c == ' ' || c == '(' || c == ')') {
                break;
            } else if (c == '"' || c == '{') {
                throw new ImapSyntaxException("unexpected '" + (char) c + "' in atom");
            } else if (c == '[') {
                brackets++;
            }
            i++;
        }
        if (brackets > 0 || inQuote) {
            throw new ImapSyntaxException("unterminated '[' in atom");
        }
        open.peek().add(new ImapToken.Atom(new String(b, start, i - start, StandardCharsets.UTF_8)));
        return i;
    }
}
