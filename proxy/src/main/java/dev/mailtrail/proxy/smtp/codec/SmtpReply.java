package dev.mailtrail.proxy.smtp.codec;

import java.util.List;

/**
 * One complete server reply (RFC 5321 §4.2): its code and its lines' text after the code (a multi-line reply such
 * as EHLO's has several). {@code code} is 0 when the server sent something that is not a reply line.
 */
public record SmtpReply(int code, List<String> lines) {

    public SmtpReply {
        lines = List.copyOf(lines);
    }

    public boolean positive() {
        return code >= 200 && code < 400;
    }

    /** 2xx: the command succeeded. */
    public boolean completed() {
        return code >= 200 && code < 300;
    }

    /** 4xx and 5xx, and anything unreadable. */
    public boolean refused() {
        return code < 200 || code >= 400;
    }

    public String text() {
        return String.join(" ", lines);
    }
}
