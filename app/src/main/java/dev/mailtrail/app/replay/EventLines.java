package dev.mailtrail.app.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of one input, read in bounded memory: a line that is not UTF-8 or is longer than the limit is one bad
 * line, with its number, and the next line is read as usual. An over-long line is skipped without being held, so a
 * 2 GB line costs the limit, not 2 GB. Lines end with LF; a CR before it is dropped.
 */
public final class EventLines implements Closeable {

    /** One line of the input, or why it could not be one; {@code number} counts from 1. */
    public sealed interface Line permits Text, Bad {
        long number();
    }

    public record Text(long number, String text) implements Line {}

    public record Bad(long number, String reason) implements Line {}

    /** The longest event line taken by default: far above any real event, far below memory trouble. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private long number;
    private byte[] line = new byte[256];

    public EventLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the input. */
    public Line next() throws IOException {
        int length = 0;
        long skipped = 0;
        boolean sawAny = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!sawAny) {
                    return null;
                }
                break;
            }
            sawAny = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (length < maxBytes) {
                if (length == line.length) {
                    line = java.util.Arrays.copyOf(line, Math.min(maxBytes, line.length * 2));
                }
                line[length++] = b;
            } else {
                skipped++;
            }
        }
        number++;
        if (skipped > 0) {
            return new Bad(
                    number, "line longer than " + maxBytes + " bytes (" + (length + skipped) + " bytes); skipped");
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            CharBuffer text = decoder.reset().decode(ByteBuffer.wrap(line, 0, length));
            return new Text(number, text.toString());
        } catch (CharacterCodingException e) {
            return new Bad(number, "not UTF-8 text (byte " + (firstBadByte(length) + 1) + " of the line); skipped");
        }
    }

    /** Whether a line can be read without waiting (a pipe fed as events happen may have none yet). */
    public boolean ready() throws IOException {
        return position < limit || in.available() > 0;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** Where decoding first fails, for the message: the user finds the byte in the line. */
    private int firstBadByte(int length) {
        CharsetDecoder probe = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        probe.decode(bytes, out, true);
        return bytes.position();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
