package dev.mailtrail.proxy.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * What a protocol decides for {@link ProtocolRelay}: how its client input is cut and judged, how its server output is
 * scanned and rewritten, how it starts TLS and how it says goodbye. {@link ImapRelay}, {@link Pop3Relay}, {@link
 * SmtpRelay} and {@link ManageSieveRelay} fill these in; the relay owns the channels and calls them on the
 * connection's event loop.
 */
abstract class ProtocolHooks extends ChannelInboundHandlerAdapter {

    /** The auditor is made here: the client's address is known (from the socket or the PROXY header). */
    abstract void sessionStarted();

    /** True when the protocol's request decoder is at the start of a line, where a command may be looked at. */
    abstract boolean clientAtLineStart();

    /** Bytes of a client literal still to come, which need no cutting at line ends; 0 outside literals. */
    long clientLiteralLeft() {
        return 0;
    }

    /** Bytes of a server literal still to come, which need no cutting at line ends; 0 outside literals. */
    long serverLiteralLeft() {
        return 0;
    }

    /** One piece of client input: observe it and forward it ({@link ProtocolRelay#toServer}), answer it, or drop it. */
    abstract void clientPiece(ByteBuf piece, boolean startsLine);

    /** True when the server output scanner is between responses. */
    abstract boolean serverAtResponseStart();

    /** Feeds one piece of server output to the scanner and the auditor. */
    abstract void scanServerPiece(ByteBuf piece);

    /**
     * Strict mode: the acknowledgement of the open intent that names the message the response now being read (its
     * first line complete) reveals; null when none does, and the response is held as any other.
     */
    java.util.concurrent.CompletableFuture<?> intentCovering() {
        return null;
    }

    /** Whether the response now being read must be held whole so that {@link #rewrite} can see it. */
    boolean holdWholeResponse() {
        return false;
    }

    /**
     * Strict mode: whether the response being read is announced larger than {@code bytes} (a literal's size, the
     * octets a RETR answer states) and what names its message has been read, so it may stream from here on once
     * {@link #recordBeforeStreaming} has recorded it.
     */
    boolean announcedLargerThan(long bytes) {
        return false;
    }

    /**
     * Strict mode: the response being read will not be held whole. Emits now the access events for what it has
     * revealed so far, so that its first released bytes wait for their acknowledgement; its completion adds no
     * second record.
     */
    void recordBeforeStreaming() {}

    /** A complete response held whole (or a one-line one): the bytes to send instead. Default: unchanged. */
    ByteBuf rewrite(ByteBuf response) {
        return response;
    }

    /** The greeting has passed; upgrade the upstream if configured, then {@link #upstreamReady()}. */
    abstract void greetingSeen();

    /** The command the upstream gets to start TLS, e.g. {@code "MT0 STARTTLS\r\n"}. */
    abstract String upstreamStartTlsCommand();

    /** Whether the server's line answering {@link #upstreamStartTlsCommand()} is complete and says yes. */
    abstract Boolean upstreamStartTlsAnswer(String line);

    /** The line telling the client the service is unavailable, and why. */
    abstract String unavailable(String why);

    /** Whether the client has logged in: until then the login timeout runs. */
    abstract boolean loggedIn();

    /** The last line of a connection that did not log in in time (Dovecot's words). */
    String inactivity() {
        return unavailable("Disconnected for inactivity.");
    }

    /** True when the server ended the session itself (BYE, the answer to QUIT): its closing is no failure. */
    abstract boolean serverSaidGoodbye();

    /** True while a command waits for the server (and the server owes an answer soon: not IDLE). */
    abstract boolean awaitingServer();

    /** Called every second on the event loop: lets held decisions out. */
    void tick() {}

    /** The connection is over: emit every decision still held. */
    abstract void sessionEnded();
}
