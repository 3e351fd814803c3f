package dev.mailtrail.app.ingest;

import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.format.event.EventFormatException;
import dev.mailtrail.sensor.dovecot.DovecotSensor;
import dev.mailtrail.sensor.dovecot.event.DovecotEventException;
import java.util.List;

/**
 * How {@code mt ingest} reads a line: as an access event (access-events.md), or as an event Dovecot's exporter posted
 * (the native sensor, which may hold reads back until their session ends and gives them at {@link #end}).
 */
interface IngestFormat {

    /** A line that cannot be read, with the reason naming the field. */
    final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason);
        }
    }

    List<AuditEvent> read(String line) throws Rejected;

    /** What is still held at the end of input. */
    default List<AuditEvent> end() {
        return List.of();
    }

    IngestFormat ACCESS_EVENTS = new IngestFormat() {
        private final AccessEventReader reader = new AccessEventReader();

        @Override
        public List<AuditEvent> read(String line) throws Rejected {
            try {
                return List.of(reader.read(line));
            } catch (EventFormatException e) {
                throw new Rejected(e.getMessage());
            }
        }
    };

    static IngestFormat dovecot(DovecotSensor sensor) {
        return new IngestFormat() {
            @Override
            public List<AuditEvent> read(String line) throws Rejected {
                try {
                    return sensor.acceptLine(line);
                } catch (DovecotEventException e) {
                    throw new Rejected(e.getMessage());
                }
            }

            @Override
            public List<AuditEvent> end() {
                return sensor.flush();
            }
        };
    }
}
