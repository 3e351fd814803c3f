package dev.mailtrail.proxy.pop3.codec;

import java.util.List;

/** What {@link Pop3RequestDecoder} reads from the client, in the order it arrived. */
public sealed interface Pop3Request {

    /** A command: {@code name} upper-cased, arguments as sent (PASS keeps the rest of its line as one argument). */
    record Command(String name, List<String> arguments) implements Pop3Request {
        public Command {
            arguments = List.copyOf(arguments);
        }

        @Override
        public String toString() {
            return name.equals("PASS") ? "Command[PASS, <redacted>]" : "Command[" + name + ", " + arguments + "]";
        }
    }

    /** A line the client sent in answer to a challenge during AUTH (base64, or {@code *} to cancel). */
    record AuthResponse(String line) implements Pop3Request {
        @Override
        public String toString() {
            return "AuthResponse[length=" + line.length() + "]";
        }
    }

    /**
     * Input the decoder refused. When {@code recoverable} it goes on with the next line (the proxy answers
     * {@code -ERR}); otherwise (bare CR or LF, an over-long line) it reads nothing more and the connection must close.
     */
    record Malformed(String reason, boolean recoverable) implements Pop3Request {}
}
