package dev.mailtrail.format.auditdata;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mailtrail.core.record.AuditRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads Microsoft's AuditData object into an {@link AuditRecord}, tolerantly and losslessly: a field MailTrail
 * does not model, or a modelled one whose JSON differs from what {@link AuditDataWriter} would write for it
 * ({@code "ExternalAccess":"False"}, {@code "UserType":"2"}, an {@code Item} with a member more), goes unchanged
 * into the record's extensions under its own name, so reading then writing gives back the same JSON tree.
 *
 * <p>{@code CreationTime} is required and may carry a fraction and a zone ({@code Z}, {@code +02:00}); the record
 * holds the exact instant, and when Exchange's spelling of it differs from the text the text is kept as the
 * {@code CreationTime} extension, which the writer prefers while it names the same instant. {@code RecordType}
 * is required and must be an integer. Duplicate members are refused: which one an investigator sees would
 * depend on the tool.
 *
 * <p>Thread-safe.
 */
public final class AuditDataReader {
    private static final String WHOLE_OBJECT = "AuditData";
    private static final int QUOTED_TEXT_LIMIT = 60;

    private final ObjectReader json = JsonMapper.builder()
            // refused while the tree is built, where the map already says a member was there: the parser's own
            // detection keeps a set of names per object and costs several per cent of an import
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Decimals as BigDecimal with their trailing zeros, so an unmodelled 1.50 is written back as 1.50.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build()
            .reader();

    /** Reads one AuditData object, e.g. a line of a JSON Lines file. */
    public AuditRecord read(String auditData) throws AuditDataException {
        JsonNode tree;
        try {
            tree = json.readTree(auditData);
        } catch (JsonProcessingException invalid) {
            JsonLocation at = invalid.getLocation();
            String where = at == null ? "" : " at column " + at.getColumnNr();
            throw new AuditDataException(
                    WHOLE_OBJECT, "invalid JSON" + where + ": " + invalid.getOriginalMessage(), invalid);
        }
        return read(tree);
    }

    /** Reads an AuditData object already parsed, e.g. the {@code AuditData} member of a Purview export row. */
    public AuditRecord read(JsonNode auditData) throws AuditDataException {
        if (auditData == null || !auditData.isObject()) {
            throw new AuditDataException(WHOLE_OBJECT, "expected a JSON object, found " + describe(auditData));
        }
        require(auditData, AuditDataField.CREATION_TIME);
        require(auditData, AuditDataField.RECORD_TYPE);
        AuditRecord.Builder record = AuditRecord.builder();
        Map<String, Object> extensions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : auditData.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            AuditDataField field = AuditDataField.named(name);
            if (field == null || !modelled(field, value, record, extensions)) {
                extensions.put(name, ExtensionValueReader.plain(name, value));
            }
        }
        return record.extensions(extensions).build();
    }

    /** Sets the field when its JSON is what the writer would write for it; false leaves it to the extensions. */
    private static boolean modelled(
            AuditDataField field, JsonNode value, AuditRecord.Builder record, Map<String, Object> extensions)
            throws AuditDataException {
        return switch (field) {
            case CREATION_TIME -> creationTime(value, record, extensions);
            case RECORD_TYPE -> recordType(value, record);
            case ID -> text(value, record::id);
            case OPERATION -> text(value, record::operation);
            case ORGANIZATION_ID -> text(value, record::organizationId);
            case RESULT_STATUS -> text(value, record::resultStatus);
            case USER_KEY -> text(value, record::userKey);
            case USER_TYPE -> integer(value, record::userType);
            case VERSION -> integer(value, record::version);
            case WORKLOAD -> text(value, record::workload);
            case CLIENT_IP -> text(value, record::clientIp);
            case OBJECT_ID -> text(value, record::objectId);
            case USER_ID -> text(value, record::userId);
            case LOGON_TYPE -> integer(value, record::logonType);
            case INTERNAL_LOGON_TYPE -> integer(value, record::internalLogonType);
            case MAILBOX_GUID -> text(value, record::mailboxGuid);
            case MAILBOX_OWNER_UPN -> text(value, record::mailboxOwnerUpn);
            case MAILBOX_OWNER_SID -> text(value, record::mailboxOwnerSid);
            case LOGON_USER_SID -> text(value, record::logonUserSid);
            case LOGON_USER_DISPLAY_NAME -> text(value, record::logonUserDisplayName);
            case EXTERNAL_ACCESS -> bool(value, record::externalAccess);
            case ORGANIZATION_NAME -> text(value, record::organizationName);
            case ORIGINATING_SERVER -> text(value, record::originatingServer);
            case CLIENT_INFO_STRING -> text(value, record::clientInfoString);
            case CLIENT_IP_ADDRESS -> text(value, record::clientIpAddress);
            case CLIENT_PROCESS_NAME -> text(value, record::clientProcessName);
            case CLIENT_VERSION -> text(value, record::clientVersion);
            case SESSION_ID -> text(value, record::sessionId);
            case APP_ID -> text(value, record::appId);
            case CLIENT_APP_ID -> text(value, record::clientAppId);
            case OPERATION_PROPERTIES -> shape(NestedShapeReader.nameValues(value), record::operationProperties);
            case PARAMETERS -> shape(NestedShapeReader.nameValues(value), record::parameters);
            case ITEM -> shape(NestedShapeReader.recordItem(value), record::item);
            case FOLDER -> shape(NestedShapeReader.folderRef(value), record::folder);
            case DEST_FOLDER -> shape(NestedShapeReader.folderRef(value), record::destFolder);
            case AFFECTED_ITEMS -> shape(NestedShapeReader.recordItems(value), record::affectedItems);
            case CROSS_MAILBOX_OPERATION -> bool(value, record::crossMailboxOperation);
            case OPERATION_COUNT -> integer(value, record::operationCount);
            case FOLDERS -> shape(NestedShapeReader.folders(value), record::folders);
            case MAIL_TRAIL_SYNCED_ITEMS -> shape(NestedShapeReader.itemRefs(value), record::syncedItems);
        };
    }

    private static boolean creationTime(JsonNode value, AuditRecord.Builder record, Map<String, Object> extensions)
            throws AuditDataException {
        String field = AuditDataField.CREATION_TIME.jsonName();
        if (!value.isTextual()) {
            throw new AuditDataException(field, "expected a date and time as text, found " + describe(value));
        }
        String text = value.textValue();
        Instant time = CreationTimeText.parse(text);
        if (time == null) {
            throw new AuditDataException(
                    field, "expected yyyy-MM-ddTHH:mm:ss with optional fraction and zone, found " + describe(value));
        }
        record.creationTime(time);
        if (!CreationTimeText.isExchangeSpelling(text, time)) {
            extensions.put(field, text);
        }
        return true;
    }

    private static boolean recordType(JsonNode value, AuditRecord.Builder record) throws AuditDataException {
        if (!isInt(value)) {
            throw new AuditDataException(
                    AuditDataField.RECORD_TYPE.jsonName(), "expected an integer, found " + describe(value));
        }
        record.recordType(value.intValue());
        return true;
    }

    private static void require(JsonNode auditData, AuditDataField field) throws AuditDataException {
        if (!auditData.has(field.jsonName())) {
            throw new AuditDataException(field.jsonName(), "missing");
        }
    }

    private static boolean text(JsonNode value, Consumer<String> setter) {
        return value.isTextual() && set(value.textValue(), setter);
    }

    private static boolean integer(JsonNode value, Consumer<Integer> setter) {
        return isInt(value) && set(value.intValue(), setter);
    }

    private static boolean bool(JsonNode value, Consumer<Boolean> setter) {
        return value.isBoolean() && set(value.booleanValue(), setter);
    }

    private static <T> boolean shape(T value, Consumer<T> setter) {
        return value != null && set(value, setter);
    }

    private static <T> boolean set(T value, Consumer<T> setter) {
        setter.accept(value);
        return true;
    }

    private static boolean isInt(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToInt();
    }

    /** The value as an error message shows it: its JSON kind, and text or number quoted up to a limit. */
    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case STRING -> "the text " + quoted(value.textValue());
            case NUMBER -> "the number " + value.asText();
            case BOOLEAN, NULL -> value.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BINARY, POJO, MISSING -> value.getNodeType().toString();
        };
    }

    private static String quoted(String text) {
        return text.length() <= QUOTED_TEXT_LIMIT
                ? '"' + text + '"'
                : '"' + text.substring(0, QUOTED_TEXT_LIMIT) + "…\" (" + text.length() + " characters)";
    }
}
