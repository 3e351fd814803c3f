package dev.mailtrail.journal.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a source until enough events came, giving up when nothing comes for a long while. */
final class Drain {
    /** Polls of half a second with nothing before giving up: joining a group on a busy machine takes a while. */
    private static final int PATIENCE = 120;
    /** Polls with nothing, once the expected events came, that show there are no more (a copy would be). */
    private static final int SETTLED = 6;

    private Drain() {}

    /** Reads until {@code expected} events came. */
    static List<SourcedEvent> read(KafkaEventSource source, int expected) {
        return read(source, expected, 0);
    }

    /** Reads at least {@code expected} events, then whatever more comes until the source is quiet. */
    static List<SourcedEvent> atLeast(KafkaEventSource source, int expected) {
        return read(source, expected, SETTLED);
    }

    private static List<SourcedEvent> read(KafkaEventSource source, int expected, int settled) {
        List<SourcedEvent> events = new ArrayList<>();
        int idle = 0;
        while (true) {
            int got = source.poll(Duration.ofMillis(500), events::add);
            idle = got == 0 ? idle + 1 : 0;
            boolean enough = events.size() >= expected;
            if ((enough && idle >= settled) || idle >= PATIENCE) {
                return events;
            }
        }
    }
}
