package dev.mailtrail.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventLinesTest {

    @Test
    void aLineThatIsNotUtf8IsOneBadLineAndTheNextIsRead() throws IOException {
        byte[] input = concat(
                "first\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', '"', (byte) 0xE9, '"', '}', '\r', '\n'},
                "third\r\n".getBytes(StandardCharsets.UTF_8));
        try (EventLines lines = new EventLines(new ByteArrayInputStream(input), 1024)) {
            assertThat(lines.next()).isEqualTo(new EventLines.Text(1, "first"));
            assertThat(lines.next()).isEqualTo(new EventLines.Bad(2, "not UTF-8 text (byte 3 of the line); skipped"));
            assertThat(lines.next()).isEqualTo(new EventLines.Text(3, "third"));
            assertThat(lines.next()).isNull();
        }
    }

    @Test
    void aTwoGigabyteLineIsSkippedInBoundedMemoryAndTheNextLineIsRead() throws IOException {
        long huge = 2L * 1024 * 1024 * 1024;
        InputStream input = new SequenceInputStream(
                new Repeating((byte) 'a', huge), new ByteArrayInputStream("\nnext\n".getBytes(StandardCharsets.UTF_8)));
        try (EventLines lines = new EventLines(input, EventLines.DEFAULT_MAX_BYTES)) {
            assertThat(lines.next())
                    .isEqualTo(new EventLines.Bad(1, "line longer than 1048576 bytes (2147483648 bytes); skipped"));
            assertThat(lines.next()).isEqualTo(new EventLines.Text(2, "next"));
        }
    }

    @Test
    void aLastLineWithoutItsLineFeedIsALine() throws IOException {
        try (EventLines lines = new EventLines(new ByteArrayInputStream("a\nb".getBytes(StandardCharsets.UTF_8)), 8)) {
            assertThat(lines.next()).isEqualTo(new EventLines.Text(1, "a"));
            assertThat(lines.next()).isEqualTo(new EventLines.Text(2, "b"));
            assertThat(lines.next()).isNull();
        }
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[0];
        for (byte[] part : parts) {
            int at = all.length;
            all = Arrays.copyOf(all, at + part.length);
            System.arraycopy(part, 0, all, at, part.length);
        }
        return all;
    }

    /** {@code length} copies of one byte, made as they are read: no 2 GB in memory or on disk. */
    private static final class Repeating extends InputStream {
        private final byte value;
        private long left;

        Repeating(byte value, long length) {
            this.value = value;
            this.left = length;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }
}
