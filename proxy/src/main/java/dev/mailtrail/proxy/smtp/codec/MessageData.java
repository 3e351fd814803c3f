package dev.mailtrail.proxy.smtp.codec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The message after DATA, byte by byte (RFC 5321 §4.1.1.4, §4.5.2): lines start after the DATA command's CRLF, a
 * leading dot is removed, {@code CRLF.CRLF} ends it. Its size is counted and its header block (up to the first
 * empty line) kept up to {@code captureLimit}, nothing more, however long the message or its lines. A CR not followed
 * by LF, or an LF without its CR, is refused: servers read bare line ends differently (the "SMTP smuggling" of
 * {@code LF.LF}), and a message read differently from the server is a message the audit could miss.
 */
final class MessageData {

    private enum At {
        LINE_START,
        DOT,
        DOT_CR,
        IN_LINE,
        CR
    }

    private final int captureLimit;
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private At at = At.LINE_START;
    private long size;
    private boolean inHeader = true;
    private int headerLineLength;

    MessageData(int captureLimit) {
        this.captureLimit = captureLimit;
    }

    /**
     * Reads from {@code in} up to the end of the message; true when the terminator was read (the position is then
     * right after it), false when {@code in} is used up first.
     *
     * @throws MessageSyntaxException on a bare CR or LF
     */
    boolean read(ByteBuffer in) throws MessageSyntaxException {
        while (in.hasRemaining()) {
            byte b = in.get();
            switch (at) {
                case LINE_START -> {
                    if (b == '.') {
                        at = At.DOT;
                    } else {
                        content(b);
                    }
                }
                case DOT -> {
                    if (b == '\r') {
                        at = At.DOT_CR;
                    } else {
                        content(b); // the stuffed dot is dropped, as the server drops it
                    }
                }
                case DOT_CR -> {
                    if (b != '\n') {
                        throw new MessageSyntaxException("bare CR in message");
                    }
                    return true;
                }
                case IN_LINE -> content(b);
                case CR -> {
                    if (b != '\n') {
                        throw new MessageSyntaxException("bare CR in message");
                    }
                    keep(b);
                    size++;
                    endOfLine();
                }
            }
        }
        return false;
    }

    private void content(byte b) throws MessageSyntaxException {
        if (b == '\n') {
            throw new MessageSyntaxException("bare LF in message");
        }
        keep(b);
        size++;
        at = b == '\r' ? At.CR : At.IN_LINE;
        if (b != '\r') {
            headerLineLength++;
        }
    }

    private void endOfLine() {
        if (inHeader && headerLineLength == 0) {
            inHeader = false;
        }
        headerLineLength = 0;
        at = At.LINE_START;
    }

    private void keep(byte b) {
        if (inHeader && header.size() < captureLimit) {
            header.write(b);
        }
    }

    long size() {
        return size;
    }

    byte[] header() {
        return header.toByteArray();
    }
}
