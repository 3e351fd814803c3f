package dev.mailtrail.format.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.event.ResultStatus;
import dev.mailtrail.core.event.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes a core event as one access-event JSON object (access-events.md), the exact inverse of
 * {@link AccessEventReader}: the form sensors hand over and {@code mt ingest} reads. The journal keeps events in
 * {@link BinaryEventCodec}'s form; journals written before hold this JSON, which the reader still reads.
 */
public final class AccessEventWriter {
    // Field names are written from pre-encoded bytes: writing them from Strings was most of the encoding time.
    private static final SerializedString NAME = new SerializedString("Name");
    private static final SerializedString VALUE = new SerializedString("Value");
    private static final SerializedString ACCESS_TYPE = new SerializedString("accessType");
    private static final SerializedString ACTOR = new SerializedString("actor");
    private static final SerializedString APP_ID = new SerializedString("appId");
    private static final SerializedString CLIENT_INFO = new SerializedString("clientInfo");
    private static final SerializedString CLIENT_IP = new SerializedString("clientIp");
    private static final SerializedString COMMAND = new SerializedString("command");
    private static final SerializedString DEST_FOLDER = new SerializedString("destFolder");
    private static final SerializedString FOLDER = new SerializedString("folder");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString INTERNET_MESSAGE_ID = new SerializedString("internetMessageId");
    private static final SerializedString ITEMS = new SerializedString("items");
    private static final SerializedString NAMES = new SerializedString("names");
    private static final SerializedString KIND = new SerializedString("kind");
    private static final SerializedString INTENT = new SerializedString("intent");
    private static final SerializedString ANSWER = new SerializedString("answer");
    private static final SerializedString LOGON_TYPE = new SerializedString("logonType");
    private static final SerializedString MAILBOX = new SerializedString("mailbox");
    private static final SerializedString OPERATION = new SerializedString("operation");
    private static final SerializedString PARAMETERS = new SerializedString("parameters");
    private static final SerializedString PATH = new SerializedString("path");
    private static final SerializedString RESULT = new SerializedString("result");
    private static final SerializedString SESSION = new SerializedString("session");
    private static final SerializedString SIZE = new SerializedString("size");
    private static final SerializedString SUBJECT = new SerializedString("subject");
    private static final SerializedString TIME = new SerializedString("time");

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
        stringField(json, TIME, DateTimeFormatter.ISO_INSTANT.format(event.time()));
        switch (event) {
            case MailboxAccess access -> access("access", null, access, json);
            case AccessIntent intent -> access("intent", intent.id(), intent.access(), json);
            case IntentOutcome outcome -> {
                stringField(json, KIND, "outcome");
                stringField(json, ACTOR, outcome.actor());
                session(outcome.session(), json);
                stringField(json, INTENT, outcome.intent());
                stringField(json, ANSWER, outcome.answer());
                items(NAMES, outcome.names(), json);
            }
            case CmdletInvocation cmdlet -> {
                stringField(json, KIND, "cmdlet");
                stringField(json, ACTOR, cmdlet.actor());
                stringField(json, COMMAND, cmdlet.command());
                if (!cmdlet.session().equals(Session.NONE)) {
                    session(cmdlet.session(), json);
                }
            }
        }
        json.writeEndObject();
    }

    /** An access; an intent is written as the access it announces, with its id. */
    private static void access(String kind, String intent, MailboxAccess access, JsonGenerator json)
            throws IOException {
        stringField(json, KIND, kind);
        if (intent != null) {
            stringField(json, INTENT, intent);
        }
        stringField(json, ACTOR, access.actor());
        stringField(json, MAILBOX, access.mailbox());
        stringField(json, LOGON_TYPE, access.logonType().cmdletName());
        stringField(json, OPERATION, access.operation().exchangeName());
        if (access.accessType() != null) {
            stringField(json, ACCESS_TYPE, access.accessType().exchangeName());
        }
        session(access.session(), json);
        folder(FOLDER, access.folder(), json);
        folder(DEST_FOLDER, access.destFolder(), json);
        items(ITEMS, access.items(), json);
        if (access.result() != ResultStatus.SUCCEEDED) {
            stringField(json, RESULT, access.result().exchangeName());
        }
        if (!access.parameters().isEmpty()) {
            arrayField(json, PARAMETERS);
            for (NameValue parameter : access.parameters()) {
                json.writeStartObject();
                stringField(json, NAME, parameter.name());
                stringField(json, VALUE, parameter.value());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    private static void items(SerializedString field, List<ItemRef> items, JsonGenerator json) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        arrayField(json, field);
        for (ItemRef item : items) {
            json.writeStartObject();
            optional(INTERNET_MESSAGE_ID, item.internetMessageId(), json);
            optional(ID, item.id(), json);
            if (item.sizeInBytes() != null) {
                numberField(json, SIZE, item.sizeInBytes());
            }
            optional(SUBJECT, item.subject(), json);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void session(Session session, JsonGenerator json) throws IOException {
        objectField(json, SESSION);
        optional(ID, session.id(), json);
        optional(CLIENT_IP, session.clientIp(), json);
        optional(CLIENT_INFO, session.clientInfo(), json);
        optional(APP_ID, session.appId(), json);
        json.writeEndObject();
    }

    private static void folder(SerializedString field, FolderRef folder, JsonGenerator json) throws IOException {
        if (folder == null) {
            return;
        }
        objectField(json, field);
        optional(ID, folder.id(), json);
        optional(PATH, folder.path(), json);
        json.writeEndObject();
    }

    private static void optional(SerializedString field, String value, JsonGenerator json) throws IOException {
        if (value != null) {
            stringField(json, field, value);
        }
    }

    private static void stringField(JsonGenerator json, SerializedString name, String value) throws IOException {
        json.writeFieldName(name);
        json.writeString(value);
    }

    private static void numberField(JsonGenerator json, SerializedString name, long value) throws IOException {
        json.writeFieldName(name);
        json.writeNumber(value);
    }

    private static void arrayField(JsonGenerator json, SerializedString name) throws IOException {
        json.writeFieldName(name);
        json.writeStartArray();
    }

    private static void objectField(JsonGenerator json, SerializedString name) throws IOException {
        json.writeFieldName(name);
        json.writeStartObject();
    }
}
