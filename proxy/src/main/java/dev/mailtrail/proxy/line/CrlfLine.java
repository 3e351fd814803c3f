package dev.mailtrail.proxy.line;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects one CRLF-terminated line from bytes arriving in any split. A CR not followed by LF, or an LF without its
 * CR, is refused rather than taken as a line end, and so is a line over its bound. Public for the POP3 codec.
 */
public final class CrlfLine {

    private byte[] buf = new byte[128];
    private int length;
    private boolean cr;

    /**
     * Reads from {@code in} until the line is complete (true) or {@code in} is empty (false). {@code limit} is the
     * most bytes the line may hold, CRLF excluded.
     */
    public boolean read(ByteBuffer in, int limit) throws LineSyntaxException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (cr) {
                if (b != '\n') {
                    throw new LineSyntaxException("bare CR in line");
                }
                cr = false;
                return true;
            }
            if (b == '\r') {
                cr = true;
            } else if (b == '\n') {
                throw new LineSyntaxException("bare LF in line");
            } else {
                if (length >= limit) {
                    throw new LineSyntaxException("line longer than " + limit + " bytes");
                }
                if (length == buf.length) {
                    buf = Arrays.copyOf(buf, Math.min(Math.max(limit, 1), buf.length * 2));
                }
                buf[length++] = b;
            }
        }
        return false;
    }

    public byte[] bytes() {
        return buf;
    }

    public int length() {
        return length;
    }

    /** Starts a new line, giving back memory a long line took. */
    public void clear() {
        length = 0;
        cr = false;
        if (buf.length > 4096) {
            buf = new byte[128];
        }
    }
}
