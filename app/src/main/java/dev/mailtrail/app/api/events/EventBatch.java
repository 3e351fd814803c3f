package dev.mailtrail.app.api.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.replay.EventLines;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.format.event.EventFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One posted batch, read: the events that follow the contract, in order, and each line (or array element, counted
 * from 1) that does not, with the field and what was wrong — read by the same {@link AccessEventReader} and {@link
 * EventLines} as {@code mt replay} and {@code mt ingest}, so a line is judged the same whichever way it arrives.
 */
public record EventBatch(List<AuditEvent> events, List<Rejection> rejected) {

    /** A line refused: its number, the field at fault (null when the line as a whole is), and why. */
    public record Rejection(long line, String field, String message) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a body of JSON Lines, or a JSON array when its first character is {@code [}. */
    public static EventBatch read(byte[] body, int maxLineBytes) throws IOException, BadBatchException {
        AccessEventReader reader = new AccessEventReader();
        List<AuditEvent> events = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        if (firstCharacter(body) == '[') {
            readArray(body, reader, events, rejected);
        } else {
            readLines(body, maxLineBytes, reader, events, rejected);
        }
        return new EventBatch(List.copyOf(events), List.copyOf(rejected));
    }

    private static void readLines(
            byte[] body, int maxLineBytes, AccessEventReader reader, List<AuditEvent> events, List<Rejection> rejected)
            throws IOException {
        try (EventLines lines = new EventLines(new ByteArrayInputStream(body), maxLineBytes)) {
            for (EventLines.Line line = lines.next(); line != null; line = lines.next()) {
                switch (line) {
                    case EventLines.Bad bad -> rejected.add(new Rejection(bad.number(), null, bad.reason()));
                    case EventLines.Text text when text.text().isBlank() -> {}
                    case EventLines.Text text -> {
                        try {
                            events.add(reader.read(text.text()));
                        } catch (EventFormatException e) {
                            rejected.add(new Rejection(text.number(), e.field(), e.problem()));
                        }
                    }
                }
            }
        }
    }

    private static void readArray(
            byte[] body, AccessEventReader reader, List<AuditEvent> events, List<Rejection> rejected)
            throws BadBatchException, IOException {
        JsonNode array;
        try {
            array = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadBatchException("the body starts with [ but is not a JSON array: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        long number = 0;
        for (JsonNode element : array) {
            number++;
            if (!element.isObject()) {
                rejected.add(new Rejection(number, null, "an event is a JSON object"));
                continue;
            }
            try {
                events.add(reader.read(element));
            } catch (EventFormatException e) {
                rejected.add(new Rejection(number, e.field(), e.problem()));
            }
        }
    }

    private static int firstCharacter(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }

    /** A body that cannot be read as a batch at all. */
    public static final class BadBatchException extends Exception {
        public BadBatchException(String message) {
            super(message);
        }
    }
}
