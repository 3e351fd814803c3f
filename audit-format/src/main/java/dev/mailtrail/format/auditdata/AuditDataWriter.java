package dev.mailtrail.format.auditdata;

import static dev.mailtrail.format.auditdata.AuditDataField.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import dev.mailtrail.core.record.AuditRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes an {@link AuditRecord} as Microsoft's AuditData object: compact, Exchange's field names and JSON types,
 * Exchange's field order, absent (null) fields left out, then the record's extensions in their order.
 *
 * <p>An extension named like a modelled field is how a record keeps what Microsoft wrote in a form MailTrail
 * does not model (see {@link AuditDataReader}). The modelled value wins: the extension is written, in the
 * field's place, only when the field is null. {@code CreationTime} is the one field that is never null; its
 * extension is the original text, written instead of Exchange's spelling as long as it still names the
 * record's instant, so changing a record's time never leaves a stale text behind.
 *
 * <p>Thread-safe. Streaming, because this runs for every record MailTrail produces.
 */
public final class AuditDataWriter {
    private final JsonFactory factory = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    /** The record as one compact JSON object, without a line end. */
    public String toJson(AuditRecord record) {
        // As ObjectMapper.writeValueAsString does: the pooled buffers make this about half as fast again as a
        // StringWriter, and the writer owns the recycler, so it goes back to the pool here.
        BufferRecycler buffers = factory._getBufferRecycler();
        try (SegmentedStringWriter out = new SegmentedStringWriter(buffers)) {
            try (JsonGenerator json = factory.createGenerator(out)) {
                write(record, json);
            }
            return out.getAndClear();
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("writing to memory failed", cannotHappen);
        } finally {
            buffers.releaseToPool();
        }
    }

    /** Appends the record to {@code out} as one JSON Lines line (the object and {@code \n}); does not flush. */
    public void writeLine(AuditRecord record, Writer out) throws IOException {
        try (JsonGenerator json = factory.createGenerator(out)) {
            write(record, json);
        }
        out.write('\n');
    }

    /** Writes the record as the next JSON value of {@code json}; the caller owns and closes the generator. */
    public void write(AuditRecord record, JsonGenerator json) throws IOException {
        Map<String, Object> extensions = record.extensions();
        json.writeStartObject();
        creationTime(json, record, extensions);
        text(json, ID, record.id(), extensions);
        text(json, OPERATION, record.operation(), extensions);
        text(json, ORGANIZATION_ID, record.organizationId(), extensions);
        json.writeFieldName(RECORD_TYPE.serializedName());
        json.writeNumber(record.recordType());
        text(json, RESULT_STATUS, record.resultStatus(), extensions);
        text(json, USER_KEY, record.userKey(), extensions);
        number(json, USER_TYPE, record.userType(), extensions);
        number(json, VERSION, record.version(), extensions);
        text(json, WORKLOAD, record.workload(), extensions);
        text(json, CLIENT_IP, record.clientIp(), extensions);
        text(json, OBJECT_ID, record.objectId(), extensions);
        text(json, USER_ID, record.userId(), extensions);
        writeMailboxFields(json, record, extensions);
        writeItemFields(json, record, extensions);
        writeExtensions(json, extensions);
        json.writeEndObject();
    }

    private static void writeMailboxFields(JsonGenerator json, AuditRecord record, Map<String, Object> extensions)
            throws IOException {
        number(json, LOGON_TYPE, record.logonType(), extensions);
        number(json, INTERNAL_LOGON_TYPE, record.internalLogonType(), extensions);
        text(json, MAILBOX_GUID, record.mailboxGuid(), extensions);
        text(json, MAILBOX_OWNER_UPN, record.mailboxOwnerUpn(), extensions);
        text(json, MAILBOX_OWNER_SID, record.mailboxOwnerSid(), extensions);
        text(json, LOGON_USER_SID, record.logonUserSid(), extensions);
        text(json, LOGON_USER_DISPLAY_NAME, record.logonUserDisplayName(), extensions);
        bool(json, EXTERNAL_ACCESS, record.externalAccess(), extensions);
        text(json, ORGANIZATION_NAME, record.organizationName(), extensions);
        text(json, ORIGINATING_SERVER, record.originatingServer(), extensions);
        text(json, CLIENT_INFO_STRING, record.clientInfoString(), extensions);
        text(json, CLIENT_IP_ADDRESS, record.clientIpAddress(), extensions);
        text(json, CLIENT_PROCESS_NAME, record.clientProcessName(), extensions);
        text(json, CLIENT_VERSION, record.clientVersion(), extensions);
        text(json, SESSION_ID, record.sessionId(), extensions);
        text(json, APP_ID, record.appId(), extensions);
        text(json, CLIENT_APP_ID, record.clientAppId(), extensions);
        if (fieldOrExtension(json, OPERATION_PROPERTIES, record.operationProperties(), extensions)) {
            NestedShapeWriter.nameValues(json, record.operationProperties());
        }
        if (fieldOrExtension(json, PARAMETERS, record.parameters(), extensions)) {
            NestedShapeWriter.nameValues(json, record.parameters());
        }
    }

    private static void writeItemFields(JsonGenerator json, AuditRecord record, Map<String, Object> extensions)
            throws IOException {
        if (fieldOrExtension(json, ITEM, record.item(), extensions)) {
            NestedShapeWriter.recordItem(json, record.item());
        }
        if (fieldOrExtension(json, FOLDER, record.folder(), extensions)) {
            NestedShapeWriter.folderRef(json, record.folder());
        }
        if (fieldOrExtension(json, DEST_FOLDER, record.destFolder(), extensions)) {
            NestedShapeWriter.folderRef(json, record.destFolder());
        }
        if (fieldOrExtension(json, AFFECTED_ITEMS, record.affectedItems(), extensions)) {
            NestedShapeWriter.recordItems(json, record.affectedItems());
        }
        bool(json, CROSS_MAILBOX_OPERATION, record.crossMailboxOperation(), extensions);
        number(json, OPERATION_COUNT, record.operationCount(), extensions);
        if (fieldOrExtension(json, FOLDERS, record.folders(), extensions)) {
            NestedShapeWriter.folders(json, record.folders());
        }
        if (fieldOrExtension(json, MAIL_TRAIL_SYNCED_ITEMS, record.syncedItems(), extensions)) {
            NestedShapeWriter.itemRefs(json, record.syncedItems());
        }
    }

    private static void creationTime(JsonGenerator json, AuditRecord record, Map<String, Object> extensions)
            throws IOException {
        json.writeFieldName(CREATION_TIME.serializedName());
        if (extensions.get(CREATION_TIME.jsonName()) instanceof String original
                && record.creationTime().equals(CreationTimeText.parse(original))) {
            json.writeString(original);
        } else {
            json.writeString(CreationTimeText.format(record.creationTime()), 0, CreationTimeText.LENGTH);
        }
    }

    private static void text(JsonGenerator json, AuditDataField field, String value, Map<String, Object> extensions)
            throws IOException {
        if (fieldOrExtension(json, field, value, extensions)) {
            json.writeString(value);
        }
    }

    private static void number(JsonGenerator json, AuditDataField field, Integer value, Map<String, Object> extensions)
            throws IOException {
        if (fieldOrExtension(json, field, value, extensions)) {
            json.writeNumber(value.intValue());
        }
    }

    private static void bool(JsonGenerator json, AuditDataField field, Boolean value, Map<String, Object> extensions)
            throws IOException {
        if (fieldOrExtension(json, field, value, extensions)) {
            json.writeBoolean(value);
        }
    }

    /**
     * Writes the field's name when the record has a value for it and returns true so the caller writes the
     * value; otherwise writes the same-named extension in full, if there is one, and returns false.
     */
    private static boolean fieldOrExtension(
            JsonGenerator json, AuditDataField field, Object value, Map<String, Object> extensions) throws IOException {
        if (value != null) {
            json.writeFieldName(field.serializedName());
            return true;
        }
        if (!extensions.isEmpty() && extensions.containsKey(field.jsonName())) {
            json.writeFieldName(field.serializedName());
            ExtensionValueWriter.write(json, extensions.get(field.jsonName()));
        }
        return false;
    }

    private static void writeExtensions(JsonGenerator json, Map<String, Object> extensions) throws IOException {
        for (Map.Entry<String, Object> extension : extensions.entrySet()) {
            if (AuditDataField.named(extension.getKey()) == null) {
                json.writeFieldName(extension.getKey());
                ExtensionValueWriter.write(json, extension.getValue());
            }
        }
    }
}
