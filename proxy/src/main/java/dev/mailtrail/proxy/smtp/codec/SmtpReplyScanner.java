package dev.mailtrail.proxy.smtp.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows SMTP server output fed in any split: lines of {@code NNN-text} continue a reply, {@code NNN text} ends it.
 * Each line's text is kept up to {@code maxLineLength}, a reply's lines up to {@link #MAX_LINES}; the rest is counted
 * and dropped (the bytes themselves pass unchanged, this only observes). Reads without moving the buffer it is
 * given. Not thread-safe.
 */
public final class SmtpReplyScanner {

    public static final int MAX_LINES = 200;

    private final int maxLineLength;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();
    private long lineLength;

    public SmtpReplyScanner(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    /** True when no reply is partly read. */
    public boolean atReplyStart() {
        return lineLength == 0 && lines.isEmpty();
    }

    public List<SmtpReply> feed(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate();
        List<SmtpReply> out = new ArrayList<>();
        while (in.hasRemaining()) {
            byte b = in.get();
            lineLength++;
            if (line.size() < maxLineLength) {
                line.write(b);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
                line.reset();
                lineLength = 0;
                lineDone(text, out);
            }
        }
        return out;
    }

    private void lineDone(String text, List<SmtpReply> out) {
        int code = code(text);
        boolean more = code != 0 && text.length() > 3 && text.charAt(3) == '-';
        if (lines.size() < MAX_LINES) {
            lines.add(text.length() > 4 ? text.substring(4) : "");
        }
        if (!more) {
            out.add(new SmtpReply(code, lines));
            lines.clear();
        }
    }

    private static int code(String text) {
        if (text.length() < 3 || (text.length() > 3 && text.charAt(3) != ' ' && text.charAt(3) != '-')) {
            return 0;
        }
        int code = 0;
        for (int i = 0; i < 3; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            code = code * 10 + (c - '0');
        }
        return code;
    }
}
