package dev.mailtrail.journal.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a source until {@code expected} events came or nothing more comes for a while. */
final class Drain {
    private Drain() {}

    static List<SourcedEvent> read(KafkaEventSource source, int expected) {
        List<SourcedEvent> events = new ArrayList<>();
        int idle = 0;
        // the first polls also join the group and fetch offsets: a few empty ones are expected
        while (events.size() < expected && idle < 20) {
            int got = source.poll(Duration.ofMillis(500), events::add);
            idle = got == 0 ? idle + 1 : 0;
        }
        return events;
    }

    /** Reads everything there is: until nothing comes for a few polls once something came. */
    static List<SourcedEvent> all(KafkaEventSource source) {
        return read(source, Integer.MAX_VALUE);
    }
}
