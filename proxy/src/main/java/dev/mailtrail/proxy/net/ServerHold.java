package dev.mailtrail.proxy.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.ArrayDeque;

/**
 * Client input on its way to the mail server, kept back while the messages a command touches are named
 * (docs/decisions/0017-message-lookup.md): the command and whatever follows it wait, in order, and go out together.
 * Runs on the connection's event loop only.
 */
final class ServerHold {

    private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();
    private boolean holding;
    private long added;
    private long sent;

    /** How many pieces were given to {@link #write} so far: a position in the client's input. */
    long position() {
        return added;
    }

    /**
     * Sends what is held before {@code position} and keeps holding the rest: the commands before the one now looked
     * up reach the server first, so that the lookup sees what they did (a STORE \Deleted before an EXPUNGE).
     */
    void releaseBefore(long position, Channel upstream) {
        boolean wrote = false;
        while (sent < position && !held.isEmpty()) {
            upstream.write(held.poll());
            sent++;
            wrote = true;
        }
        if (wrote) {
            upstream.flush();
        }
    }

    boolean holding() {
        return holding;
    }

    void hold() {
        holding = true;
    }

    /** Writes {@code piece} to {@code upstream}, or keeps it while holding; true when it was kept. */
    boolean write(Channel upstream, ByteBuf piece) {
        added++;
        if (!holding) {
            upstream.write(piece);
            sent++;
            return false;
        }
        held.add(piece);
        return true;
    }

    /** Ends the hold: what was kept goes to {@code upstream} (null: the session is over, it is dropped). */
    void release(Channel upstream) {
        holding = false;
        while (!held.isEmpty()) {
            ByteBuf piece = held.poll();
            sent++;
            if (upstream == null) {
                piece.release();
            } else {
                upstream.write(piece);
            }
        }
        if (upstream != null) {
            upstream.flush();
        }
    }
}
