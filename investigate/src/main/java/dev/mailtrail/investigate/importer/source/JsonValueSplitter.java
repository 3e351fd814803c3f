package dev.mailtrail.investigate.importer.source;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts a JSON stream into its records without parsing them, so workers can parse in parallel: the elements of
 * a top-level array (a Management Activity API content blob), of several arrays one after another (blobs
 * appended to one file), or top-level values one after another (pretty-printed records, as {@code jq} writes
 * them). It follows strings, escapes and nesting only, and counts lines so each value knows where it starts.
 *
 * <p>Bounded: a value longer than {@link #MAX_VALUE_CHARS} becomes an {@link SourceUnit.Unreadable} holding its
 * beginning, and so does text that ends inside a value.
 */
public final class JsonValueSplitter implements UnitSource {
    public static final int MAX_VALUE_CHARS = 64 << 20;
    private static final int KEPT_OF_OVERLONG = 1 << 20;
    private static final int EOF = -1;

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int limit;
    private long line = 1;
    private boolean inArray;

    public JsonValueSplitter(Reader in) {
        this.in = in;
    }

    @Override
    public SourceUnit next() throws IOException {
        while (true) {
            int c = skipBlanks();
            if (c == EOF) {
                return null;
            }
            if (c == '[' && !inArray) {
                inArray = true;
                pos++;
            } else if (c == ']') {
                // The end of an array, or of one whose '[' a merge cut off (Microsoft-Extractor-Suite's
                // Merge-OutputFiles strips each file's outer brackets, but not those of a window written after it).
                inArray = false;
                pos++;
            } else if (c == ',') {
                pos++;
            } else {
                return value();
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private SourceUnit value() throws IOException {
        long startLine = line;
        Capture capture = new Capture();
        char first = buffer[pos];
        boolean closed = first == '{' || first == '[' || first == '"' ? structured(capture) : scalar(capture);
        if (capture.overlong) {
            return new SourceUnit.Unreadable(
                    startLine,
                    "JSON: a record longer than " + MAX_VALUE_CHARS + " characters (its first " + KEPT_OF_OVERLONG
                            + " kept)",
                    capture.text.toString());
        }
        if (!closed) {
            return new SourceUnit.Unreadable(
                    startLine,
                    "JSON: the file ends inside this record (" + capture.length + " characters)",
                    capture.text.toString());
        }
        return new SourceUnit.JsonText(startLine, capture.text.toString());
    }

    /** An object, array or string, to its closing character; false when the text ends first. */
    private boolean structured(Capture capture) throws IOException {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        while (fill()) {
            int start = pos;
            while (pos < limit) {
                char c = buffer[pos++];
                if (c == '\n') {
                    line++;
                }
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = false;
                        if (depth == 0) {
                            capture.append(buffer, start, pos);
                            return true;
                        }
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    capture.append(buffer, start, pos);
                    return true;
                }
            }
            capture.append(buffer, start, pos);
        }
        return false;
    }

    /** A number, literal or stray text, to the next separator; a record is refused later, with its text. */
    private boolean scalar(Capture capture) throws IOException {
        if (buffer[pos] == '}') {
            // A stray closing brace is a value of its own, refused later: the text must always move on.
            capture.append(buffer, pos, ++pos);
            return true;
        }
        while (fill()) {
            int start = pos;
            while (pos < limit && !isDelimiter(buffer[pos])) {
                pos++;
            }
            capture.append(buffer, start, pos);
            if (pos < limit) {
                return true;
            }
        }
        return true;
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == ']' || c == '[' || c == '{' || c == '}' || Character.isWhitespace(c);
    }

    /** Skips whitespace (and a byte order mark) and returns the next character without taking it, or EOF. */
    private int skipBlanks() throws IOException {
        while (fill()) {
            char c = buffer[pos];
            if (c == '\n') {
                line++;
            } else if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c;
            }
            pos++;
        }
        return EOF;
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        int n = in.read(buffer, 0, buffer.length);
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /** The text of one value, up to the bound. */
    private static final class Capture {
        final StringBuilder text = new StringBuilder(1024);
        long length;
        boolean overlong;

        void append(char[] chars, int from, int to) {
            length += to - from;
            if (length > MAX_VALUE_CHARS && !overlong) {
                overlong = true;
                text.setLength(Math.min(text.length(), KEPT_OF_OVERLONG));
            }
            int room = (overlong ? KEPT_OF_OVERLONG : MAX_VALUE_CHARS) - text.length();
            if (room > 0) {
                text.append(chars, from, Math.min(to - from, room));
            }
        }
    }
}
