package dev.mailtrail.bench.scale;

import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.MailboxAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The events of one run, in order, from a fresh generator with a fixed seed — so the embedded and the clustered run
 * take the same events — and what the searches afterwards need from them: InternetMessageIds seen, the last time.
 */
public final class Feed {
    private static final int MESSAGE_IDS = 200;

    private final Supplier<AuditEvent> events;
    private final long count;
    private final SplittableRandom sampler = new SplittableRandom(7);
    private final List<String> messageIds = new ArrayList<>();
    private final Instant start;
    private Instant last;
    private long taken;

    public Feed(Supplier<AuditEvent> events, long count, Instant start) {
        this.events = events;
        this.count = count;
        this.start = start;
        this.last = start;
    }

    public long count() {
        return count;
    }

    public boolean hasNext() {
        return taken < count;
    }

    public AuditEvent next() {
        AuditEvent event = events.get();
        taken++;
        last = event.time();
        if (event instanceof MailboxAccess access
                && !access.items().isEmpty()
                && sampler.nextInt(5_000) == 0
                && messageIds.size() < MESSAGE_IDS) {
            messageIds.add(access.items().getFirst().internetMessageId());
        }
        return event;
    }

    /** Up to {@code size} next events (fewer at the end). */
    public List<AuditEvent> group(int size) {
        List<AuditEvent> group = new ArrayList<>(size);
        while (group.size() < size && hasNext()) {
            group.add(next());
        }
        return group;
    }

    public List<String> messageIds() {
        return messageIds;
    }

    public Instant start() {
        return start;
    }

    public Instant last() {
        return last;
    }
}
