package dev.mailtrail.sensor.dovecot.map;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the mapper did with what it was given, for the sensor's metrics and {@code mt ingest}'s summary: events that
 * became access events, events it knows and leaves (a header listing, a failed login, a NOOP), event names and field
 * names it does not know. Never a reason to stop: Dovecot adds events and fields between versions.
 */
public final class MappingCounts {
    private final Map<String, Long> mapped = new TreeMap<>();
    private final Map<String, Long> ignored = new TreeMap<>();
    private final Map<String, Long> unknownEvents = new TreeMap<>();
    private final Map<String, Long> unknownFields = new TreeMap<>();

    synchronized void mapped(String event) {
        mapped.merge(event, 1L, Long::sum);
    }

    synchronized void ignored(String why) {
        ignored.merge(why, 1L, Long::sum);
    }

    synchronized void unknownEvent(String name) {
        unknownEvents.merge(name, 1L, Long::sum);
    }

    synchronized void unknownField(String event, String field) {
        unknownFields.merge(event + "." + field, 1L, Long::sum);
    }

    public synchronized Map<String, Long> mapped() {
        return Map.copyOf(mapped);
    }

    public synchronized Map<String, Long> ignored() {
        return Map.copyOf(ignored);
    }

    public synchronized Map<String, Long> unknownEvents() {
        return Map.copyOf(unknownEvents);
    }

    public synchronized Map<String, Long> unknownFields() {
        return Map.copyOf(unknownFields);
    }

    @Override
    public synchronized String toString() {
        return "mapped " + mapped + ", left " + ignored + ", unknown events " + unknownEvents + ", unknown fields "
                + unknownFields;
    }
}
