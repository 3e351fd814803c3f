package dev.mailtrail.core.generate;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * The open windows in the order they close. Every window lasts the same two minutes, so while events come in
 * time order windows close in the order they opened: a queue does, without a heap's cache misses. A window
 * opened out of order (its event older than the last) waits in a heap beside the queue. A window closed ahead
 * of its turn is only marked, and skipped when it reaches the front.
 */
final class ClosingWindows {
    private final ArrayDeque<AccessWindow> inOpeningOrder = new ArrayDeque<>();
    private final PriorityQueue<AccessWindow> outOfOrder = new PriorityQueue<>(AccessWindow::byClosingTime);
    private int open;

    void add(AccessWindow window) {
        AccessWindow last = inOpeningOrder.peekLast();
        if (last == null || AccessWindow.byClosingTime(last, window) <= 0) {
            inOpeningOrder.addLast(window);
        } else {
            outOfOrder.add(window);
        }
        open++;
    }

    /** Takes out the window that closes first if its time is up at {@code now}; null if none is. */
    AccessWindow takeClosedAt(Instant now) {
        AccessWindow first = first();
        return first != null && first.closedAt(now) ? take(first) : null;
    }

    /** Takes out the window that closes first, whenever that is; null once none is open. */
    AccessWindow takeFirst() {
        AccessWindow first = first();
        return first == null ? null : take(first);
    }

    /** Takes out a window closed ahead of its turn. */
    void remove(AccessWindow window) {
        window.closed = true;
        open--;
    }

    int size() {
        return open;
    }

    /** Every window still open, in no particular order. */
    void forEachOpen(java.util.function.Consumer<AccessWindow> action) {
        for (AccessWindow window : inOpeningOrder) {
            if (!window.closed) {
                action.accept(window);
            }
        }
        for (AccessWindow window : outOfOrder) {
            if (!window.closed) {
                action.accept(window);
            }
        }
    }

    /** The queue in its order, closed windows still in it included (see {@link GeneratorState}). */
    java.util.List<AccessWindow> queued() {
        return java.util.List.copyOf(inOpeningOrder);
    }

    /** The heap in its own array order: adding them in this order lays the heap out again exactly. */
    java.util.List<AccessWindow> late() {
        return java.util.List.copyOf(outOfOrder);
    }

    /** Puts windows back as {@link #queued()} and {@link #late()} gave them. */
    void restore(java.util.List<AccessWindow> queued, java.util.List<AccessWindow> late) {
        inOpeningOrder.clear();
        outOfOrder.clear();
        open = 0;
        for (AccessWindow window : queued) {
            inOpeningOrder.addLast(window);
            open += window.closed ? 0 : 1;
        }
        for (AccessWindow window : late) {
            outOfOrder.add(window);
            open += window.closed ? 0 : 1;
        }
    }

    /** Start of the oldest open window, or null. */
    Instant oldestStart() {
        Instant oldest = null;
        for (AccessWindow window : inOpeningOrder) {
            oldest = older(oldest, window);
        }
        for (AccessWindow window : outOfOrder) {
            oldest = older(oldest, window);
        }
        return oldest;
    }

    private static Instant older(Instant oldest, AccessWindow window) {
        return window.closed || oldest != null && !window.start.isBefore(oldest) ? oldest : window.start;
    }

    private AccessWindow first() {
        while (!inOpeningOrder.isEmpty() && inOpeningOrder.peekFirst().closed) {
            inOpeningOrder.pollFirst();
        }
        while (!outOfOrder.isEmpty() && outOfOrder.peek().closed) {
            outOfOrder.poll();
        }
        AccessWindow queued = inOpeningOrder.peekFirst();
        AccessWindow late = outOfOrder.peek();
        if (queued == null || late == null) {
            return queued != null ? queued : late;
        }
        return AccessWindow.byClosingTime(late, queued) < 0 ? late : queued;
    }

    private AccessWindow take(AccessWindow window) {
        if (inOpeningOrder.peekFirst() == window) {
            inOpeningOrder.pollFirst();
        } else {
            outOfOrder.poll();
        }
        remove(window);
        return window;
    }
}
