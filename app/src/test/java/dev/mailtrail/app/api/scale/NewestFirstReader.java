package dev.mailtrail.app.api.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads an export line by line as it arrives, holding nothing but the current line: every line that names a
 * fixture message must name the next one newest first (so none is missed, repeated or out of order), and the first
 * and last such lines are kept for a closer look.
 */
final class NewestFirstReader {
    private int expected;
    long lines;
    long records;
    long chars;
    String first;
    String last;

    /** Expects the records from {@code newest} down to 0. */
    NewestFirstReader(int newest) {
        this.expected = newest;
    }

    NewestFirstReader read(InputStream body) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                line(line);
            }
        }
        return this;
    }

    /** Takes one line: checks the message it names, if any, is the one expected next. */
    void line(String line) {
        lines++;
        chars += line.length() + 1;
        int at = line.indexOf(ScaleFixture.MESSAGE_PREFIX);
        if (at < 0) {
            return;
        }
        int start = at + ScaleFixture.MESSAGE_PREFIX.length();
        int index = Integer.parseInt(line, start, start + 9, 10);
        if (index != expected) {
            throw new AssertionError("after " + records + " records, expected the message of record " + expected
                    + " (newest first), got " + index + " in: " + line);
        }
        expected--;
        records++;
        if (first == null) {
            first = line;
        }
        last = line;
    }

    /** Whether every record down to the oldest was seen. */
    boolean reachedTheOldest() {
        return expected == -1;
    }
}
