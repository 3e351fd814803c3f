package dev.mailtrail.proxy.pop3.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Follows POP3 server output fed in any split. Whether a {@code +OK} opens a multi-line body depends on the command
 * it answers, so the caller reports each command sent with {@link #expect}. Status lines are bounded by
 * {@code maxLineLength}; of a body only the first {@code captureLimit} bytes are kept, the rest counted. Reads
 * without moving the buffer it is given. Not thread-safe.
 */
public final class Pop3ResponseScanner {

    private final int maxLineLength;
    private final int captureLimit;
    private final Deque<Boolean> multiLine = new ArrayDeque<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long lineLength;

    private String bodyStatus;
    private ByteArrayOutputStream body;
    private long bodySize;

    public Pop3ResponseScanner(int maxLineLength, int captureLimit) {
        this.maxLineLength = maxLineLength;
        this.captureLimit = captureLimit;
    }

    /** A command went to the server; its answer comes in order. */
    public void expect(Pop3Request.Command command) {
        boolean noArgument = command.arguments().isEmpty();
        multiLine.add(
                switch (command.name()) {
                    case "RETR", "TOP", "CAPA" -> true;
                    case "LIST", "UIDL" -> noArgument;
                    default -> false;
                });
    }

    /** True when no response is partly read: the next byte fed starts a new status line. */
    public boolean atResponseStart() {
        return body == null && lineLength == 0;
    }

    /**
     * The multi-line answer now being read, as far as it has come: its status line, the size it announces ({@code
     * +OK 4096 octets}, -1 when it names none) and the bytes captured so far; null outside one.
     */
    public Pop3Response.MultiLine bodySoFar() {
        return body == null ? null : new Pop3Response.MultiLine(bodyStatus, announced(bodyStatus), body.toByteArray());
    }

    /**
     * True inside a multi-line answer that announces more than {@code bytes} octets once its kept part (the
     * headers) has been read.
     */
    public boolean bodyLargerThan(long bytes) {
        return body != null && announced(bodyStatus) > bytes && body.size() >= captureLimit;
    }

    /** The octets a {@code +OK n octets} line announces; -1 when it names none. */
    static long announced(String status) {
        String[] w = status.split(" ", 3);
        if (w.length < 2
                || w[1].isEmpty()
                || w[1].length() > 18
                || !w[1].chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(w[1]);
    }

    public List<Pop3Response> feed(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate();
        List<Pop3Response> out = new ArrayList<>();
        while (in.hasRemaining()) {
            byte b = in.get();
            lineLength++;
            if (line.size() < maxLineLength) {
                line.write(b);
            }
            if (b == '\n') {
                byte[] l = line.toByteArray();
                long length = lineLength;
                line.reset();
                lineLength = 0;
                lineDone(l, length, out);
            }
        }
        return out;
    }

    private void lineDone(byte[] l, long length, List<Pop3Response> out) {
        if (body != null) {
            bodyLine(l, length, out);
            return;
        }
        String text = new String(l, StandardCharsets.UTF_8).strip();
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("+OK")) {
            boolean multi = !multiLine.isEmpty() && multiLine.poll();
            if (multi) {
                bodyStatus = text;
                body = new ByteArrayOutputStream();
                bodySize = 0;
            } else {
                out.add(new Pop3Response.Status(true, text));
            }
        } else if (upper.startsWith("-ERR")) {
            multiLine.poll();
            out.add(new Pop3Response.Status(false, text));
        } else if (text.startsWith("+")) {
            out.add(new Pop3Response.Continuation(text.substring(1).strip()));
        }
    }

    private void bodyLine(byte[] l, long length, List<Pop3Response> out) {
        boolean terminator = length == 3 && l[0] == '.' && l[1] == '\r';
        if (terminator) {
            out.add(new Pop3Response.MultiLine(bodyStatus, bodySize, body.toByteArray()));
            body = null;
            return;
        }
        int skip = l.length > 0 && l[0] == '.' ? 1 : 0; // RFC 1939 §3 byte-stuffing
        bodySize += length - skip;
        int keep = (int) Math.min(l.length - skip, captureLimit - body.size());
        if (keep > 0) {
            body.write(l, skip, keep);
        }
    }
}
