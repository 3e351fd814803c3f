package dev.mailtrail.sensor.dovecot;

import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.sensor.dovecot.event.DovecotEvent;
import dev.mailtrail.sensor.dovecot.event.DovecotEventException;
import dev.mailtrail.sensor.dovecot.event.DovecotEventReader;
import dev.mailtrail.sensor.dovecot.map.DovecotEventMapper;
import dev.mailtrail.sensor.dovecot.map.MappedAccess;
import dev.mailtrail.sensor.dovecot.map.MappingCounts;
import dev.mailtrail.sensor.dovecot.map.MappingRules;
import dev.mailtrail.sensor.dovecot.name.ItemNamer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The native Dovecot sensor's entry point: what Dovecot's event exporter posts in, access events out, named. The HTTP
 * API hands it each POST body ({@link #accept(InputStream)}), {@code mt ingest --format dovecot} each line of a file
 * ({@link #acceptLine}); both append the events to the pipeline as {@code mt ingest} does, and call
 * {@link #flushIdle} now and then and {@link #flush} at the end, since a POP3 session's reads and a body read whose
 * FETCH never arrived are decided late. One instance per stream of events; calls are serialised.
 */
public final class DovecotSensor {

    /** An event refused: its number in the body or file (1-based) and why, naming the field. */
    public record Reject(long number, String reason) {}

    /** What one body gave: the access events to append, and the events refused. */
    public record Accepted(List<AuditEvent> events, List<Reject> rejects) {
        public Accepted {
            events = List.copyOf(events);
            rejects = List.copyOf(rejects);
        }
    }

    private final DovecotEventReader reader = new DovecotEventReader();
    private final DovecotEventMapper mapper;
    private final ItemNamer namer;

    public DovecotSensor(MappingRules rules, ItemNamer namer) {
        this.mapper = new DovecotEventMapper(rules);
        this.namer = namer;
    }

    /**
     * One POST body of Dovecot's {@code http-post} exporter (one JSON event), or several events one per line. Bodies
     * larger than the caller allows must be refused by the caller before this reads them.
     */
    public synchronized Accepted accept(InputStream body) throws IOException {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        List<AuditEvent> events = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        long number = 0;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            number++;
            try {
                events.addAll(acceptLine(line));
            } catch (DovecotEventException e) {
                rejects.add(new Reject(number, e.getMessage()));
            }
        }
        return new Accepted(events, rejects);
    }

    /** One event's JSON text: the access events it completes. */
    public synchronized List<AuditEvent> acceptLine(String json) throws DovecotEventException {
        DovecotEvent event = reader.read(json);
        List<MappedAccess> mapped = mapper.map(event);
        mapper.takeHints().forEach(namer::warm);
        return named(mapped);
    }

    /** Decides the sessions quiet for the configured time before {@code now} (the caller's clock). */
    public synchronized List<AuditEvent> flushIdle(Instant now) {
        return named(mapper.flushIdle(now));
    }

    /** Decides everything still held: at the end of a file or at shutdown. */
    public synchronized List<AuditEvent> flush() {
        return named(mapper.flush());
    }

    /** What was mapped, left aside and not known, for metrics and summaries. */
    public MappingCounts counts() {
        return mapper.counts();
    }

    private List<AuditEvent> named(List<MappedAccess> mapped) {
        List<AuditEvent> out = new ArrayList<>(mapped.size());
        for (MappedAccess m : mapped) {
            out.add(namer.name(m));
        }
        return out;
    }
}
