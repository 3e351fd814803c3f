package dev.mailtrail.proxy.smtp.codec;

import dev.mailtrail.proxy.line.CrlfLine;
import dev.mailtrail.proxy.line.LineSyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what an SMTP client sends, from bytes fed in any split, observing only. Command lines are bounded by
 * {@code maxLineLength} (RFC 5321 §4.5.3.1.4 allows 512 octets, more with extensions and RFC 4954's 12288 for AUTH
 * lines); whether a line is a command, an AUTH answer or message data depends on the server, so the caller reports
 * {@link #authStarted}, {@link #messageStarted} (the server's 354) and {@link #serverCompleted}. Not thread-safe.
 */
public final class SmtpRequestDecoder {

    private enum Mode {
        COMMAND,
        AUTH,
        MESSAGE
    }

    private final int maxLineLength;
    private final int captureLimit;
    private final CrlfLine line = new CrlfLine();
    private Mode mode = Mode.COMMAND;
    private MessageData message;
    private boolean lineOpen;
    private boolean failed;

    public SmtpRequestDecoder(int maxLineLength, int captureLimit) {
        if (maxLineLength < 16) {
            throw new IllegalArgumentException("bound too small");
        }
        this.maxLineLength = maxLineLength;
        this.captureLimit = captureLimit;
    }

    /** Reads the remaining bytes of {@code buffer} without moving its position; returns what they completed. */
    public List<SmtpRequest> feed(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate();
        List<SmtpRequest> out = new ArrayList<>();
        while (in.hasRemaining() && !failed) {
            if (mode == Mode.MESSAGE) {
                message(in, out);
                continue;
            }
            lineOpen = true;
            try {
                if (!line.read(in, maxLineLength)) {
                    break;
                }
            } catch (LineSyntaxException e) {
                out.add(new SmtpRequest.Malformed(e.getMessage(), false));
                failed = true;
                break;
            }
            lineOpen = false;
            String text = new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8);
            line.clear();
            out.add(mode == Mode.AUTH ? new SmtpRequest.AuthResponse(text) : command(text));
        }
        return out;
    }

    private void message(ByteBuffer in, List<SmtpRequest> out) {
        try {
            lineOpen = true;
            if (message.read(in)) {
                out.add(new SmtpRequest.MessageEnd(message.size(), message.header()));
                message = null;
                mode = Mode.COMMAND;
                lineOpen = false;
            }
        } catch (MessageSyntaxException e) {
            out.add(new SmtpRequest.Malformed(e.getMessage(), false));
            failed = true;
        }
    }

    private static SmtpRequest command(String text) {
        int sp = text.indexOf(' ');
        String verb = (sp < 0 ? text : text.substring(0, sp)).toUpperCase(Locale.ROOT);
        if (verb.isEmpty() || verb.length() > 16 || !verb.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return new SmtpRequest.Malformed("bad command name", true);
        }
        return new SmtpRequest.Command(verb, sp < 0 ? "" : text.substring(sp + 1));
    }

    /** The server answered AUTH with a 334 challenge: lines are answers until {@link #serverCompleted}. */
    public void authStarted() {
        if (mode == Mode.COMMAND) {
            mode = Mode.AUTH;
        }
    }

    /** The server answered DATA with 354: what follows is the message, up to {@code CRLF.CRLF}. */
    public void messageStarted() {
        mode = Mode.MESSAGE;
        message = new MessageData(captureLimit);
    }

    /** The server ended AUTH with a final reply: lines are commands again. */
    public void serverCompleted() {
        if (mode == Mode.AUTH) {
            mode = Mode.COMMAND;
        }
    }

    /** True between lines (and between messages): nothing partly read. */
    public boolean atLineStart() {
        return !lineOpen;
    }

    /** True when the next line is a command (not an AUTH answer, not message data). */
    public boolean atCommand() {
        return mode == Mode.COMMAND && !lineOpen;
    }

    /** True while the message after DATA is being read. */
    public boolean inMessage() {
        return mode == Mode.MESSAGE;
    }

    public boolean failed() {
        return failed;
    }
}
