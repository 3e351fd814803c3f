package dev.mailtrail.proxy.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Server output on its way from the scanner to {@link ClientRelease}, one response at a time. A response's first
 * line is always held until complete, so the protocol may rewrite a one-line response (capabilities). In strict
 * mode the whole response is held, up to {@code maxHeldBytes}, and released gated on the events it revealed; past
 * that bound (or once it is announced larger and what names it has been read) the protocol first records what the
 * response reveals, and the rest streams behind that record's acknowledgement, written once per read. A response
 * whose message the intent of its command names (journaled when the command arrived) streams once its first line
 * is read, behind that intent's acknowledgement. In async mode it streams at once. Runs on the connection's event loop.
 */
final class ResponseHold {

    private final ProtocolHooks protocol;
    private final ClientRelease release;
    private final AckingSink events;
    private final boolean strict;
    private final int maxHeldBytes;

    private final List<ByteBuf> held = new ArrayList<>();
    private int heldBytes;
    private int heldLines;
    private boolean heldFromStart;
    private boolean firstLineOpen;
    private boolean streamReady;
    /** The response now streaming has had its record made ({@link ProtocolRelay#recordBeforeStreaming}). */
    private boolean recordedBeforeStreaming;
    /** The response now read was asked for by a command whose intent is journaled: it streams behind that. */
    private CompletableFuture<?> intent;

    private boolean intentAsked;

    ResponseHold(ProtocolHooks protocol, ClientRelease release, AckingSink events, boolean strict, int maxHeldBytes) {
        this.protocol = protocol;
        this.release = release;
        this.events = events;
        this.strict = strict;
        this.maxHeldBytes = maxHeldBytes;
    }

    /** Takes one piece of server output (a line, or literal bytes); true when it completed a response. */
    boolean piece(ByteBuf piece, boolean endsLine) {
        if (protocol.serverAtResponseStart() && held.isEmpty()) {
            heldFromStart = true;
            firstLineOpen = true;
            heldLines = 0;
        }
        boolean whole = protocol.holdWholeResponse();
        protocol.scanServerPiece(piece);
        held.add(piece);
        heldBytes += piece.readableBytes();
        if (endsLine) {
            heldLines++;
            firstLineOpen = false;
        }
        if (protocol.serverAtResponseStart()) {
            streamReady = false;
            recordedBeforeStreaming = false;
            ByteBuf response = takeHeld();
            if (heldFromStart && (heldLines == 1 || whole)) {
                response = protocol.rewrite(response);
            }
            release.write(response, gate());
            intent = null;
            intentAsked = false;
            return true;
        }
        if (!firstLineOpen && !whole) {
            if (strict && !intentAsked) {
                // a response whose message an open intent names streams as it arrives, behind the intent's
                // acknowledgement (docs/decisions/0011); asked once, when its first line has named the message
                intentAsked = true;
                intent = protocol.intentCovering();
            }
            boolean large = heldBytes > maxHeldBytes || protocol.announcedLargerThan(maxHeldBytes);
            boolean stream = !strict || intent != null || large;
            if (strict && large && !recordedBeforeStreaming) {
                // no read without its record: what the response has shown is decided now, and the first bytes
                // released wait for that event's acknowledgement like any other (docs/decisions/0011) — under an
                // intent too, so that a crash or a client that stops halfway leaves the read named by its message
                recordedBeforeStreaming = true;
                events.awaitAccessesOf(protocol::recordBeforeStreaming);
            }
            streamReady |= stream;
        }
        return false;
    }

    /** The end of one read from the server: what may stream goes out as one write. */
    void endOfRead() {
        if (streamReady && !held.isEmpty()) {
            heldFromStart = false;
            release.write(takeHeld(), gate());
        }
        streamReady = false;
    }

    /** Gives back what is held: the session is over. */
    void discard() {
        held.forEach(ByteBuf::release);
        held.clear();
        heldBytes = 0;
    }

    /**
     * What released bytes wait for: in strict mode every event emitted since the last release (an access an open
     * intent covers stands for that intent's acknowledgement), and the intent of the response that streams.
     */
    private CompletableFuture<?> gate() {
        CompletableFuture<?> gate = events.take();
        if (!strict) {
            return null;
        }
        if (intent == null || intent.isDone() && !intent.isCompletedExceptionally()) {
            return gate;
        }
        return gate == null ? intent : CompletableFuture.allOf(gate, intent);
    }

    private ByteBuf takeHeld() {
        ByteBuf out = held.size() == 1 ? held.getFirst() : Unpooled.wrappedBuffer(held.toArray(ByteBuf[]::new));
        held.clear();
        heldBytes = 0;
        return out;
    }
}
