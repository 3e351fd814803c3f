package dev.mailtrail.proxy.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Server output on its way to the client, in order. A piece may wait for a gate (the acknowledgement that the access
 * events it reveals are durable); whatever comes after a waiting piece waits behind it, so the client sees the
 * server's bytes in the server's order. A gate that fails stops the output for good: the failure handler closes the
 * session. Runs on the client channel's event loop only.
 */
final class ClientRelease {

    private record Piece(ByteBuf bytes, CompletableFuture<?> gate) {}

    private final Channel client;
    private final Consumer<Throwable> onGateFailed;
    private final Runnable onQueueChanged;
    private final ArrayDeque<Piece> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean failed;

    ClientRelease(Channel client, Consumer<Throwable> onGateFailed, Runnable onQueueChanged) {
        this.client = client;
        this.onGateFailed = onGateFailed;
        this.onQueueChanged = onQueueChanged;
    }

    /** Sends {@code bytes} once {@code gate} (null: none) and every earlier piece's gate have completed. */
    void write(ByteBuf bytes, CompletableFuture<?> gate) {
        if (failed) {
            bytes.release();
            return;
        }
        if (queue.isEmpty() && (gate == null || completedNormally(gate))) {
            client.write(bytes);
            return;
        }
        if (gate != null && gate.isCompletedExceptionally()) {
            bytes.release();
            fail(gate);
            return;
        }
        queue.add(new Piece(bytes, gate));
        queuedBytes += bytes.readableBytes();
        if (gate != null) {
            gate.whenComplete((r, e) -> client.eventLoop().execute(this::drain));
        }
        onQueueChanged.run();
    }

    /** Bytes waiting for a gate. */
    long queuedBytes() {
        return queuedBytes;
    }

    boolean idle() {
        return queue.isEmpty();
    }

    private void drain() {
        boolean wrote = false;
        while (!queue.isEmpty() && !failed) {
            Piece head = queue.peek();
            if (head.gate() != null && !head.gate().isDone()) {
                break;
            }
            queue.poll();
            queuedBytes -= head.bytes().readableBytes();
            if (head.gate() != null && head.gate().isCompletedExceptionally()) {
                head.bytes().release();
                fail(head.gate());
                break;
            }
            client.write(head.bytes());
            wrote = true;
        }
        if (wrote) {
            client.flush();
        }
        onQueueChanged.run();
    }

    private void fail(CompletableFuture<?> gate) {
        failed = true;
        queue.forEach(p -> p.bytes().release());
        queue.clear();
        queuedBytes = 0;
        Throwable cause;
        try {
            gate.join();
            cause = new IllegalStateException("gate failed");
        } catch (RuntimeException e) {
            cause = e.getCause() != null ? e.getCause() : e;
        }
        onGateFailed.accept(cause);
    }

    /** Gives back every held piece: the session is over. */
    void discard() {
        failed = true;
        queue.forEach(p -> p.bytes().release());
        queue.clear();
        queuedBytes = 0;
    }

    private static boolean completedNormally(CompletableFuture<?> f) {
        return f.isDone() && !f.isCompletedExceptionally();
    }
}
