package dev.mailtrail.format.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.event.ResultStatus;
import dev.mailtrail.core.event.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

/**
 * Writes a core event as one access-event JSON object (access-events.md), the exact inverse of
 * {@link AccessEventReader}: what a sensor hands over is what the journal keeps and what a replay reads back.
 */
public final class AccessEventWriter {
    private final JsonFactory factory = new JsonFactory();

    /** The event as UTF-8 JSON, without a line end. */
    public byte[] toBytes(AuditEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = factory.createGenerator(out)) {
            write(event, json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Several events, each as its own UTF-8 JSON object after {@code prefix} (a framing the caller needs, or
     * nothing): one generator for the lot, which makes a group of events cheaper to encode than one by one.
     */
    public java.util.List<byte[]> toBytes(java.util.List<? extends AuditEvent> events, byte[] prefix) {
        java.util.List<byte[]> encoded = new java.util.ArrayList<>(events.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.setRootValueSeparator(null);
            for (AuditEvent event : events) {
                out.write(prefix);
                write(event, json);
                json.flush();
                encoded.add(out.toByteArray());
                out.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return encoded;
    }

    private static void write(AuditEvent event, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(event.time()));
        switch (event) {
            case MailboxAccess access -> access(access, json);
            case CmdletInvocation cmdlet -> {
                json.writeStringField("kind", "cmdlet");
                json.writeStringField("actor", cmdlet.actor());
                json.writeStringField("command", cmdlet.command());
                if (!cmdlet.session().equals(Session.NONE)) {
                    session(cmdlet.session(), json);
                }
            }
        }
        json.writeEndObject();
    }

    private static void access(MailboxAccess access, JsonGenerator json) throws IOException {
        json.writeStringField("kind", "access");
        json.writeStringField("actor", access.actor());
        json.writeStringField("mailbox", access.mailbox());
        json.writeStringField("logonType", access.logonType().cmdletName());
        json.writeStringField("operation", access.operation().exchangeName());
        if (access.accessType() != null) {
            json.writeStringField("accessType", access.accessType().exchangeName());
        }
        session(access.session(), json);
        folder("folder", access.folder(), json);
        folder("destFolder", access.destFolder(), json);
        if (!access.items().isEmpty()) {
            json.writeArrayFieldStart("items");
            for (ItemRef item : access.items()) {
                json.writeStartObject();
                optional("internetMessageId", item.internetMessageId(), json);
                optional("id", item.id(), json);
                if (item.sizeInBytes() != null) {
                    json.writeNumberField("size", item.sizeInBytes());
                }
                optional("subject", item.subject(), json);
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (access.result() != ResultStatus.SUCCEEDED) {
            json.writeStringField("result", access.result().exchangeName());
        }
        if (!access.parameters().isEmpty()) {
            json.writeArrayFieldStart("parameters");
            for (NameValue parameter : access.parameters()) {
                json.writeStartObject();
                json.writeStringField("Name", parameter.name());
                json.writeStringField("Value", parameter.value());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    private static void session(Session session, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("session");
        optional("id", session.id(), json);
        optional("clientIp", session.clientIp(), json);
        optional("clientInfo", session.clientInfo(), json);
        optional("appId", session.appId(), json);
        json.writeEndObject();
    }

    private static void folder(String field, FolderRef folder, JsonGenerator json) throws IOException {
        if (folder == null) {
            return;
        }
        json.writeObjectFieldStart(field);
        optional("id", folder.id(), json);
        optional("path", folder.path(), json);
        json.writeEndObject();
    }

    private static void optional(String field, String value, JsonGenerator json) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }
}
