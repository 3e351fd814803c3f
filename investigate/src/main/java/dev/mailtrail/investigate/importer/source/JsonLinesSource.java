package dev.mailtrail.investigate.importer.source;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a JSON Lines file, each one unit; blank lines are skipped, a line ending {@code \r\n} loses the
 * {@code \r}. A bad line stays one bad unit and the next line is read as usual, which is why JSON Lines is not
 * split by {@link JsonValueSplitter}: an unclosed brace there would swallow the lines after it.
 *
 * <p>Bounded: a line longer than {@link JsonValueSplitter#MAX_VALUE_CHARS} becomes an
 * {@link SourceUnit.Unreadable} holding its beginning.
 */
public final class JsonLinesSource implements UnitSource {
    private static final int KEPT_OF_OVERLONG = 1 << 20;

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int limit;
    private long line;
    private boolean ended;

    public JsonLinesSource(Reader in) {
        this.in = in;
    }

    @Override
    public SourceUnit next() throws IOException {
        while (!ended) {
            StringBuilder text = new StringBuilder(1024);
            long length = readLine(text);
            if (length < 0) {
                ended = true;
                return null;
            }
            line++;
            if (length > JsonValueSplitter.MAX_VALUE_CHARS) {
                return new SourceUnit.Unreadable(
                        line,
                        "JSON: a line longer than " + JsonValueSplitter.MAX_VALUE_CHARS + " characters (its first "
                                + KEPT_OF_OVERLONG + " kept)",
                        text.toString());
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) == '\r') {
                text.setLength(text.length() - 1);
            }
            if (!text.toString().isBlank()) {
                return new SourceUnit.JsonText(line, text.toString());
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads up to the next {@code \n} (taken, not kept); the line's length, or -1 at the end of the file. */
    private long readLine(StringBuilder text) throws IOException {
        long length = 0;
        boolean any = false;
        while (fill()) {
            any = true;
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            length += pos - start;
            if (length > JsonValueSplitter.MAX_VALUE_CHARS && text.length() > KEPT_OF_OVERLONG) {
                text.setLength(KEPT_OF_OVERLONG);
            }
            int room =
                    (length > JsonValueSplitter.MAX_VALUE_CHARS ? KEPT_OF_OVERLONG : JsonValueSplitter.MAX_VALUE_CHARS)
                            - text.length();
            if (room > 0) {
                text.append(buffer, start, Math.min(pos - start, room));
            }
            if (pos < limit) {
                pos++;
                return length;
            }
        }
        return any ? length : -1;
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
}
