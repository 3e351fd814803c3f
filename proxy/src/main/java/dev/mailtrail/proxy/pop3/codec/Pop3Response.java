package dev.mailtrail.proxy.pop3.codec;

/** What {@link Pop3ResponseScanner} recognises in POP3 server output. */
public sealed interface Pop3Response {

    /** A one-line {@code +OK} or {@code -ERR} (the greeting among them). */
    record Status(boolean ok, String text) implements Pop3Response {}

    /** An AUTH challenge, {@code + text}. */
    record Continuation(String text) implements Pop3Response {}

    /**
     * A {@code +OK} followed by a multi-line body (RETR, TOP, LIST, UIDL, CAPA): its size after dot-unstuffing and
     * its first bytes up to the capture bound, enough for the headers of a message.
     */
    record MultiLine(String text, long size, byte[] captured) implements Pop3Response {}
}
