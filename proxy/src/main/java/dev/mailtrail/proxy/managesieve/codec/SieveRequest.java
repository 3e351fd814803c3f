package dev.mailtrail.proxy.managesieve.codec;

import java.util.List;

/** What {@link SieveRequestDecoder} reads from a ManageSieve client, in the order it arrived. */
public sealed interface SieveRequest {

    /**
     * A command: {@code name} upper-cased, its string and number arguments decoded. A literal longer than the
     * capture bound is kept only up to it, and {@code truncated} says so.
     */
    record Command(String name, List<String> arguments, boolean truncated) implements SieveRequest {
        public Command {
            arguments = List.copyOf(arguments);
        }

        @Override
        public String toString() {
            return name.equals("AUTHENTICATE") && arguments.size() > 1
                    ? "Command[AUTHENTICATE, " + arguments.getFirst() + ", <redacted>]"
                    : "Command[" + name + ", " + arguments.size() + " arguments]";
        }
    }

    /** A string the client sent in answer to a SASL challenge during AUTHENTICATE. */
    record AuthResponse(String value) implements SieveRequest {
        @Override
        public String toString() {
            return "AuthResponse[length=" + value.length() + "]";
        }
    }

    /**
     * Input the decoder refused. When {@code recoverable} it goes on with the next command (the proxy answers
     * {@code NO}); otherwise (bare CR or LF, an over-long line or literal) it reads nothing more.
     */
    record Malformed(String reason, boolean recoverable) implements SieveRequest {}
}
