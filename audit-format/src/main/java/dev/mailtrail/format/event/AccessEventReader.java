package dev.mailtrail.format.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.event.ResultStatus;
import dev.mailtrail.core.event.Session;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one access-event JSON line (access-events.md) into a core event. Unknown fields are ignored, so
 * sensors may add their own; every known field is checked, and an error names the field and what was wrong.
 */
public final class AccessEventReader {
    private final ObjectMapper mapper = new ObjectMapper();

    public AuditEvent read(String line) throws EventFormatException {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new EventFormatException(null, "not valid JSON: " + e.getOriginalMessage());
        }
        return readObject(node);
    }

    /** Reads an event from UTF-8 bytes (a journal entry), without making a String of them first. */
    public AuditEvent read(byte[] utf8, int offset, int length) throws EventFormatException {
        JsonNode node;
        try {
            node = mapper.readTree(utf8, offset, length);
        } catch (JsonProcessingException e) {
            throw new EventFormatException(null, "not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new EventFormatException(null, "unreadable: " + e.getMessage());
        }
        return readObject(node);
    }

    private AuditEvent readObject(JsonNode node) throws EventFormatException {
        if (node == null || !node.isObject()) {
            throw new EventFormatException(null, "an event is a JSON object, one per line");
        }
        return read(node);
    }

    public AuditEvent read(JsonNode node) throws EventFormatException {
        Instant time = time(node);
        String kind = requiredText(node, "kind");
        String actor = requiredText(node, "actor");
        return switch (kind) {
            case "access" -> access(node, time, actor);
            case "cmdlet" -> new CmdletInvocation(time, actor, requiredText(node, "command"), optionalSession(node));
            default -> throw new EventFormatException("kind", "expected \"access\" or \"cmdlet\", got " + quote(kind));
        };
    }

    private MailboxAccess access(JsonNode node, Instant time, String actor) throws EventFormatException {
        String mailbox = requiredText(node, "mailbox");
        String logonTypeText = requiredText(node, "logonType");
        LogonType logonType = LogonType.parse(logonTypeText)
                .orElseThrow(() -> new EventFormatException(
                        "logonType", "expected Owner, Delegate or Admin, got " + quote(logonTypeText)));
        String operationText = requiredText(node, "operation");
        MailboxAction operation = MailboxAction.parse(operationText)
                .orElseThrow(() -> new EventFormatException(
                        "operation", "not an Exchange mailbox action: " + quote(operationText)));
        MailAccessType accessType = accessType(node, operation);
        Session session = session(node.get("session"), true);
        FolderRef folder = folder(node, "folder");
        if (operation == MailboxAction.MAIL_ITEMS_ACCESSED && folder == null) {
            throw new EventFormatException("folder", "required for MailItemsAccessed");
        }
        List<ItemRef> items = items(node);
        if (accessType == MailAccessType.BIND && items.isEmpty()) {
            throw new EventFormatException("items", "a Bind reads at least one item");
        }
        ResultStatus result = ResultStatus.SUCCEEDED;
        String resultText = optionalText(node, "result");
        if (resultText != null) {
            result = ResultStatus.parse(resultText)
                    .orElseThrow(() -> new EventFormatException(
                            "result", "expected Succeeded, PartiallySucceeded or Failed, got " + quote(resultText)));
        }
        return new MailboxAccess(
                time,
                actor,
                mailbox,
                logonType,
                operation,
                accessType,
                session,
                folder,
                folder(node, "destFolder"),
                items,
                result,
                parameters(node));
    }

    private static Instant time(JsonNode node) throws EventFormatException {
        String text = requiredText(node, "time");
        try {
            return UtcInstantText.parse(text);
        } catch (DateTimeParseException e) {
            throw new EventFormatException(
                    "time", "expected an ISO-8601 instant with a zone, e.g. 2026-03-02T09:15:04Z, got " + quote(text));
        }
    }

    private static MailAccessType accessType(JsonNode node, MailboxAction operation) throws EventFormatException {
        String text = optionalText(node, "accessType");
        if (operation != MailboxAction.MAIL_ITEMS_ACCESSED) {
            if (text != null) {
                throw new EventFormatException(
                        "accessType", "only MailItemsAccessed has an accessType, not " + operation.exchangeName());
            }
            return null;
        }
        if (text == null) {
            throw new EventFormatException("accessType", "required for MailItemsAccessed: Bind or Sync");
        }
        return MailAccessType.parse(text)
                .orElseThrow(() -> new EventFormatException("accessType", "expected Bind or Sync, got " + quote(text)));
    }

    private static Session optionalSession(JsonNode node) throws EventFormatException {
        JsonNode session = node.get("session");
        return session == null || session.isNull() ? Session.NONE : session(session, false);
    }

    private static Session session(JsonNode session, boolean required) throws EventFormatException {
        if (session == null || session.isNull()) {
            if (required) {
                throw new EventFormatException("session", "required: {\"id\", \"clientIp\", \"clientInfo\"}");
            }
            return Session.NONE;
        }
        if (!session.isObject()) {
            throw new EventFormatException("session", "expected an object, got " + session.getNodeType());
        }
        return new Session(
                optionalText(session, "id", "session.id"),
                optionalText(session, "clientIp", "session.clientIp"),
                optionalText(session, "clientInfo", "session.clientInfo"),
                optionalText(session, "appId", "session.appId"));
    }

    private static FolderRef folder(JsonNode node, String field) throws EventFormatException {
        JsonNode folder = node.get(field);
        if (folder == null || folder.isNull()) {
            return null;
        }
        if (!folder.isObject()) {
            throw new EventFormatException(field, "expected an object {\"id\", \"path\"}");
        }
        String path = optionalText(folder, "path", field + ".path");
        String id = optionalText(folder, "id", field + ".id");
        if (path == null && id == null) {
            throw new EventFormatException(field, "needs a path or an id");
        }
        return new FolderRef(id, path);
    }

    private static List<ItemRef> items(JsonNode node) throws EventFormatException {
        JsonNode items = node.get("items");
        if (items == null || items.isNull()) {
            return List.of();
        }
        if (!items.isArray()) {
            throw new EventFormatException("items", "expected an array");
        }
        List<ItemRef> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw new EventFormatException(at, "expected an object");
            }
            String messageId = optionalText(item, "internetMessageId", at + ".internetMessageId");
            if (messageId == null || messageId.isBlank()) {
                throw new EventFormatException(at + ".internetMessageId", "required");
            }
            result.add(new ItemRef(
                    messageId,
                    optionalText(item, "id", at + ".id"),
                    size(item.get("size"), at + ".size"),
                    optionalText(item, "subject", at + ".subject")));
        }
        return result;
    }

    private static Long size(JsonNode size, String field) throws EventFormatException {
        if (size == null || size.isNull()) {
            return null;
        }
        if (!size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() < 0) {
            throw new EventFormatException(field, "expected a whole number of bytes, got " + size);
        }
        return size.asLong();
    }

    private static List<NameValue> parameters(JsonNode node) throws EventFormatException {
        JsonNode parameters = node.get("parameters");
        if (parameters == null || parameters.isNull()) {
            return List.of();
        }
        if (!parameters.isArray()) {
            throw new EventFormatException("parameters", "expected an array of {\"Name\", \"Value\"}");
        }
        List<NameValue> result = new ArrayList<>(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            String at = "parameters[" + i + "]";
            JsonNode parameter = parameters.get(i);
            if (!parameter.isObject()) {
                throw new EventFormatException(at, "expected an object {\"Name\", \"Value\"}");
            }
            String name = optionalText(parameter, "Name", at + ".Name");
            if (name == null) {
                throw new EventFormatException(at + ".Name", "required");
            }
            JsonNode value = parameter.get("Value");
            result.add(new NameValue(name, value == null || value.isNull() ? "" : value.asText()));
        }
        return result;
    }

    private static String requiredText(JsonNode node, String field) throws EventFormatException {
        String text = optionalText(node, field, field);
        if (text == null || text.isBlank()) {
            throw new EventFormatException(field, "required");
        }
        return text;
    }

    private static String optionalText(JsonNode node, String field) throws EventFormatException {
        return optionalText(node, field, field);
    }

    private static String optionalText(JsonNode node, String field, String path) throws EventFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber() && field.equals("logonType")) {
            return value.asText();
        }
        throw new EventFormatException(path, "expected a string, got " + value);
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
