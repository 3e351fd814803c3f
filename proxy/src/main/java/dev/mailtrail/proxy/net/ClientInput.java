package dev.mailtrail.proxy.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.function.BooleanSupplier;

/**
 * Cuts what the client sends into pieces for the protocol: at line ends, so a command's start can be looked at, and
 * in whole chunks inside a literal. A line that arrives in parts is gathered until its end, up to the longest line
 * allowed; a longer one goes on in pieces, for the protocol's decoder to refuse. Runs on the connection's event loop.
 */
final class ClientInput {

    private final ProtocolHooks protocol;
    private final int maxLineLength;
    private ByteBuf partial;
    private boolean discardRest;

    ClientInput(ProtocolHooks protocol, int maxLineLength) {
        this.protocol = protocol;
        this.maxLineLength = maxLineLength;
    }

    /** Hands {@code in} to the protocol piece by piece while {@code active}; releases it. */
    void feed(ByteBuf in, BooleanSupplier active) {
        try {
            discardRest = false;
            while (in.isReadable() && !discardRest && active.getAsBoolean()) {
                long literal = partial == null ? protocol.clientLiteralLeft() : 0;
                if (literal > 0) {
                    protocol.clientPiece(in.readRetainedSlice((int) Math.min(in.readableBytes(), literal)), false);
                    continue;
                }
                int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
                int end = lf < 0 ? in.writerIndex() : lf + 1;
                ByteBuf piece = in.readRetainedSlice(end - in.readerIndex());
                boolean lineStart = partial != null || protocol.clientAtLineStart();
                if (lineStart && lf < 0 && fits(piece)) {
                    partial = partial == null ? Unpooled.buffer() : partial;
                    partial.writeBytes(piece);
                    piece.release();
                    continue;
                }
                if (partial != null) {
                    partial.writeBytes(piece);
                    piece.release();
                    piece = partial;
                    partial = null;
                }
                protocol.clientPiece(piece, lineStart);
            }
        } finally {
            in.release();
        }
    }

    private boolean fits(ByteBuf piece) {
        int have = partial == null ? 0 : partial.readableBytes();
        return have + piece.readableBytes() <= maxLineLength;
    }

    /** The rest of the read being fed is dropped (bytes pipelined after STARTTLS). */
    void discardRest() {
        discardRest = true;
    }

    /** Gives back a line still being gathered: the session is over. */
    void release() {
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }
}
