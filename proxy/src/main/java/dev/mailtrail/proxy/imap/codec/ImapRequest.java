package dev.mailtrail.proxy.imap.codec;

import java.util.List;

/** What {@link ImapRequestDecoder} reads from the client, in the order it arrived. */
public sealed interface ImapRequest {

    /**
     * A complete command. {@code name} is upper-cased, with a {@code UID} prefix folded in ({@code "UID FETCH"});
     * {@code arguments} are the tokens after it.
     */
    record Command(String tag, String name, List<ImapToken> arguments) implements ImapRequest {
        public Command {
            arguments = List.copyOf(arguments);
        }

        /** Leaves out the arguments of LOGIN and AUTHENTICATE, which carry secrets. */
        @Override
        public String toString() {
            boolean secret = name.equals("LOGIN") || name.equals("AUTHENTICATE");
            return "Command[tag=" + tag + ", name=" + name + ", arguments="
                    + (secret ? "<redacted>" : arguments.toString()) + "]";
        }
    }

    /**
     * The client announced a synchronising literal {@code {n}} and now waits for the server's {@code +}. The decoder
     * reads the literal when it comes; if the server refuses instead (tagged NO/BAD), the caller reports it with
     * {@link ImapRequestDecoder#serverCompleted(String)} and the unfinished command is dropped.
     */
    record SynchronizingLiteral(String tag, String name, long size) implements ImapRequest {}

    /** A line the client sent in answer to a server challenge during AUTHENTICATE (base64, or {@code *} to cancel). */
    record AuthenticateResponse(String tag, String line) implements ImapRequest {
        public boolean cancelled() {
            return line.equals("*");
        }

        @Override
        public String toString() {
            return "AuthenticateResponse[tag=" + tag + ", length=" + line.length() + "]";
        }
    }

    /** {@code DONE}, ending the IDLE command with this tag. */
    record IdleDone(String tag) implements ImapRequest {}

    /**
     * Input the decoder refused. {@code tag} is null when none could be read. When {@code recoverable} the decoder
     * has skipped the bad command and goes on; otherwise it has stopped (bare CR or LF, an over-long line, a
     * non-synchronising literal over the bound) and reads nothing more: the connection must be closed, because the
     * server may read those bytes differently.
     */
    record Malformed(String tag, String reason, boolean recoverable) implements ImapRequest {}
}
