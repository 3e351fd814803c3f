package dev.mailtrail.proxy.smtp.codec;

/** What {@link SmtpRequestDecoder} reads from the client, in the order it arrived. */
public sealed interface SmtpRequest {

    /** A command: {@code verb} upper-cased, {@code argument} the rest of the line as sent (empty when none). */
    record Command(String verb, String argument) implements SmtpRequest {
        @Override
        public String toString() {
            return verb.equals("AUTH")
                    ? "Command[AUTH, " + argument.split(" ", 2)[0] + " <redacted>]"
                    : "Command[" + verb + ", " + argument + "]";
        }
    }

    /** A line the client sent in answer to a {@code 334} challenge during AUTH (base64, or {@code *} to cancel). */
    record AuthResponse(String line) implements SmtpRequest {
        @Override
        public String toString() {
            return "AuthResponse[length=" + line.length() + "]";
        }
    }

    /**
     * The end of the message after DATA ({@code CRLF.CRLF}): its size as the server stores it (dot-unstuffed, the
     * terminator excluded) and its header block up to the capture bound.
     */
    record MessageEnd(long size, byte[] header) implements SmtpRequest {
        @Override
        public String toString() {
            return "MessageEnd[" + size + ", " + new String(header, java.nio.charset.StandardCharsets.ISO_8859_1) + "]";
        }
    }

    /**
     * Input the decoder refused. When {@code recoverable} it goes on with the next line (the proxy answers a 500
     * reply); otherwise (bare CR or LF, an over-long command line) it reads nothing more and the connection closes.
     */
    record Malformed(String reason, boolean recoverable) implements SmtpRequest {}
}
