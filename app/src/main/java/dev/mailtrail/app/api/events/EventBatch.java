package dev.mailtrail.app.api.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.api.access.ManagementScope;
import dev.mailtrail.app.replay.EventLines;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.MailboxAccess;
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

    /**
     * Reads a body of JSON Lines, or a JSON array when its first character is {@code [}; an event outside
     * {@code scope} is refused like a malformed one (a sensor limited to some mailboxes posts for those only, and
     * a configuration change, which is organization-wide, only with the whole organization in scope).
     */
    public static EventBatch read(byte[] body, int maxLineBytes, ManagementScope scope)
            throws IOException, BadBatchException {
        AccessEventReader reader = new AccessEventReader();
        List<AuditEvent> events = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        if (firstCharacter(body) == '[') {
            readArray(body, reader, scope, events, rejected);
        } else {
            readLines(body, maxLineBytes, reader, scope, events, rejected);
        }
        return new EventBatch(List.copyOf(events), List.copyOf(rejected));
    }

    private static void readLines(
            byte[] body,
            int maxLineBytes,
            AccessEventReader reader,
            ManagementScope scope,
            List<AuditEvent> events,
            List<Rejection> rejected)
            throws IOException {
        try (EventLines lines = new EventLines(new ByteArrayInputStream(body), maxLineBytes)) {
            for (EventLines.Line line = lines.next(); line != null; line = lines.next()) {
                switch (line) {
                    case EventLines.Bad bad -> rejected.add(new Rejection(bad.number(), null, bad.reason()));
                    case EventLines.Text text when text.text().isBlank() -> {}
                    case EventLines.Text text -> {
                        try {
                            events.add(inScope(reader.read(text.text()), scope));
                        } catch (EventFormatException e) {
                            rejected.add(new Rejection(text.number(), e.field(), e.problem()));
                        }
                    }
                }
            }
        }
    }

    private static void readArray(
            byte[] body,
            AccessEventReader reader,
            ManagementScope scope,
            List<AuditEvent> events,
            List<Rejection> rejected)
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
                events.add(inScope(reader.read(element), scope));
            } catch (EventFormatException e) {
                rejected.add(new Rejection(number, e.field(), e.problem()));
            }
        }
    }

    /** The event, or a field error when it lies outside {@code scope}. */
    private static AuditEvent inScope(AuditEvent event, ManagementScope scope) throws EventFormatException {
        if (scope.whole()) {
            return event;
        }
        return switch (event) {
            case MailboxAccess access when scope.includes(access.mailbox()) -> event;
            case MailboxAccess access ->
                throw new EventFormatException(
                        "mailbox", access.mailbox() + " is outside this caller's management scope (" + scope + ")");
            case dev.mailtrail.core.event.AccessIntent intent
            when scope.includes(intent.access().mailbox()) -> event;
            case dev.mailtrail.core.event.AccessIntent intent ->
                throw new EventFormatException(
                        "mailbox",
                        intent.access().mailbox() + " is outside this caller's management scope (" + scope + ")");
            case dev.mailtrail.core.event.IntentOutcome outcome ->
                throw new EventFormatException("kind", "an intent's outcome is a proxy's own, not a sensor's");
            case CmdletInvocation cmdlet ->
                throw new EventFormatException(
                        "kind",
                        "a cmdlet changes the whole organization's audit configuration; this caller's management"
                                + " scope is " + scope);
        };
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
