package dev.mailtrail.format.auditdata;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mailtrail.core.record.AuditRecord;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * is required and must be an integer or integer text. Inside the nested fields ({@code Item}, {@code Folders} …)
 * a member MailTrail does not model, or one of another type, is kept beside the modelled ones in the nested
 * value's own extensions ({@link NestedShapeReader}); only a field that cannot have its shape at all is kept
 * whole. Duplicate members are refused: which one an investigator sees would
 * depend on the tool.
 *
 * <p>Thread-safe.
 */
public final class AuditDataReader {
    private static final String WHOLE_OBJECT = "AuditData";
    private static final int QUOTED_TEXT_LIMIT = 60;
    /** The fields whose value is a nested shape, read by {@link NestedShapeReader} from a parser. */
    private static final Set<AuditDataField> NESTED = EnumSet.of(
            AuditDataField.OPERATION_PROPERTIES,
            AuditDataField.PARAMETERS,
            AuditDataField.ITEM,
            AuditDataField.FOLDER,
            AuditDataField.DEST_FOLDER,
            AuditDataField.AFFECTED_ITEMS,
            AuditDataField.FOLDERS,
            AuditDataField.MAIL_TRAIL_SYNCED_ITEMS);

    private final ObjectReader json = JsonMapper.builder()
            // refused while the tree is built, where the map already says a member was there: the parser's own
            // detection keeps a set of names per object and costs several per cent of an import (streaming, the
            // record's fields and the extension maps say it)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Decimals as BigDecimal with their trailing zeros, so an unmodelled 1.50 is written back as 1.50.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build()
            .reader();

    /**
     * Reads one AuditData object, e.g. a line of a JSON Lines file: streamed from the text into the record, with no
     * tree in between. Text that does not stream into one (invalid JSON, a member given twice, a field refused) or
     * holds a nested field not of its modelled shape is read again as a tree, which gives the same record and says
     * what is wrong exactly as it always has.
     */
    public AuditRecord read(String auditData) throws AuditDataException {
        AuditRecord streamed = streamed(auditData);
        return streamed != null ? streamed : readTree(auditData);
    }

    /** Reads an AuditData object already parsed, e.g. the {@code AuditData} member of a Purview export row. */
    public AuditRecord read(JsonNode auditData) throws AuditDataException {
        if (auditData == null || !auditData.isObject()) {
            throw new AuditDataException(WHOLE_OBJECT, "expected a JSON object, found " + describe(auditData));
        }
        require(auditData, AuditDataField.CREATION_TIME);
        require(auditData, AuditDataField.RECORD_TYPE);
        Members members = new Members();
        for (Map.Entry<String, JsonNode> member : auditData.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            AuditDataField field = AuditDataField.named(name);
            if (NESTED.contains(field)) {
                try (JsonParser shape = value.traverse()) {
                    members.nested(field, shape, shape.nextToken());
                    continue;
                } catch (NestedShapeReader.Misfit | IOException notTheShape) {
                    // kept as written, below
                }
            }
            members.add(field, name, ExtensionValueReader.plain(name, value));
        }
        return members.record();
    }

    private AuditRecord readTree(String auditData) throws AuditDataException {
        JsonNode tree;
        try {
            tree = json.readTree(auditData);
        } catch (JsonProcessingException invalid) {
            JsonLocation at = invalid.getLocation();
            String where = at == null ? "" : " at column " + at.getColumnNr();
            throw new AuditDataException(
                    WHOLE_OBJECT, "invalid JSON" + where + ": " + invalid.getOriginalMessage(), invalid);
        } catch (NumberFormatException unreadableNumber) {
            // Decimals are read as BigDecimal to keep them as written, and BigDecimal refuses an exponent beyond an
            // int (1e99999999999): Jackson lets that escape unwrapped
            throw new AuditDataException(
                    WHOLE_OBJECT,
                    "invalid JSON: a number out of range: " + unreadableNumber.getMessage(),
                    unreadableNumber);
        }
        return read(tree);
    }

    /**
     * The record streamed from the text with no tree in between, or null when anything is amiss or unusual (a
     * nested field not of its modelled shape): the tree then reads it, and reports what is wrong in its own words
     * and order.
     */
    private AuditRecord streamed(String auditData) {
        try (JsonParser parser = json.createParser(auditData)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Members members = new Members();
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                AuditDataField field = AuditDataField.named(name);
                if (!members.first(field, name)) {
                    return null;
                }
                JsonToken value = parser.nextToken();
                if (NESTED.contains(field)) {
                    members.nested(field, parser, value);
                } else {
                    members.add(field, name, ExtensionValueReader.plain(name, parser, value));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT
                    || parser.nextToken() != null
                    || !members.seen(AuditDataField.CREATION_TIME)
                    || !members.seen(AuditDataField.RECORD_TYPE)) {
                return null;
            }
            return members.record();
        } catch (IOException | AuditDataException | NestedShapeReader.Misfit | RuntimeException notStreamed) {
            return null;
        }
    }

    /** The members of one AuditData object as they are read, in order: modelled fields set, the rest kept. */
    private static final class Members {
        private final AuditRecord.Builder record = AuditRecord.builder();
        private final Map<String, Object> extensions = new LinkedHashMap<>();
        private long modelledSeen;

        /** Whether this is the first member of that name; {@code field} is the modelled field it names, if any. */
        boolean first(AuditDataField field, String name) {
            if (field == null) {
                // Unmodelled members all go to the extensions, under their own names.
                return !extensions.containsKey(name);
            }
            long bit = 1L << field.ordinal();
            boolean first = (modelledSeen & bit) == 0;
            modelledSeen |= bit;
            return first;
        }

        boolean seen(AuditDataField field) {
            return (modelledSeen & (1L << field.ordinal())) != 0;
        }

        /** A member given as a plain value; {@code field} is the modelled field it names, if any. */
        void add(AuditDataField field, String name, Object value) throws AuditDataException {
            if (field == null || !modelled(field, value, record, extensions)) {
                extensions.put(name, value);
            }
        }

        /** A nested field read from the parser on its first token into the model, unless it is a misfit. */
        void nested(AuditDataField field, JsonParser json, JsonToken token)
                throws IOException, NestedShapeReader.Misfit {
            switch (field) {
                case OPERATION_PROPERTIES -> record.operationProperties(NestedShapeReader.nameValues(json, token));
                case PARAMETERS -> record.parameters(NestedShapeReader.nameValues(json, token));
                case ITEM -> record.item(NestedShapeReader.recordItem(json, token));
                case FOLDER -> record.folder(NestedShapeReader.folderRef(json, token));
                case DEST_FOLDER -> record.destFolder(NestedShapeReader.folderRef(json, token));
                case AFFECTED_ITEMS -> record.affectedItems(NestedShapeReader.recordItems(json, token));
                case FOLDERS -> record.folders(NestedShapeReader.folders(json, token));
                case MAIL_TRAIL_SYNCED_ITEMS -> record.syncedItems(NestedShapeReader.itemRefs(json, token));
                default -> throw new IllegalArgumentException(field + " is not nested");
            }
        }

        AuditRecord record() {
            return record.extensions(extensions).build();
        }
    }

    /** Sets the field when its JSON is what the writer would write for it; false leaves it to the extensions. */
    private static boolean modelled(
            AuditDataField field, Object value, AuditRecord.Builder record, Map<String, Object> extensions)
            throws AuditDataException {
        return switch (field) {
            case CREATION_TIME -> creationTime(value, record, extensions);
            case RECORD_TYPE -> recordType(value, record, extensions);
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
            case CROSS_MAILBOX_OPERATION -> bool(value, record::crossMailboxOperation);
            case OPERATION_COUNT -> integer(value, record::operationCount);
            // Read by Members.nested; here only when not of their shape, hence kept as written.
            case OPERATION_PROPERTIES,
                    PARAMETERS,
                    ITEM,
                    FOLDER,
                    DEST_FOLDER,
                    AFFECTED_ITEMS,
                    FOLDERS,
                    MAIL_TRAIL_SYNCED_ITEMS -> false;
        };
    }

    private static boolean creationTime(Object value, AuditRecord.Builder record, Map<String, Object> extensions)
            throws AuditDataException {
        String field = AuditDataField.CREATION_TIME.jsonName();
        if (!(value instanceof String text)) {
            throw new AuditDataException(field, "expected a date and time as text, found " + describe(value));
        }
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

    /**
     * The record's type, also from integer text ({@code "50"}, as a column export or a flattening tool writes it),
     * which is then kept as the extension of that name.
     */
    private static boolean recordType(Object value, AuditRecord.Builder record, Map<String, Object> extensions)
            throws AuditDataException {
        if (isInt(value)) {
            record.recordType(((Number) value).intValue());
            return true;
        }
        Integer fromText = value instanceof String text ? integerText(text) : null;
        if (fromText == null) {
            throw new AuditDataException(
                    AuditDataField.RECORD_TYPE.jsonName(), "expected an integer, found " + describe(value));
        }
        record.recordType(fromText);
        extensions.put(AuditDataField.RECORD_TYPE.jsonName(), value);
        return true;
    }

    private static Integer integerText(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notAnInteger) {
            return null;
        }
    }

    private static void require(JsonNode auditData, AuditDataField field) throws AuditDataException {
        if (!auditData.has(field.jsonName())) {
            throw new AuditDataException(field.jsonName(), "missing");
        }
    }

    private static boolean text(Object value, Consumer<String> setter) {
        return value instanceof String text && set(text, setter);
    }

    private static boolean integer(Object value, Consumer<Integer> setter) {
        return isInt(value) && set(((Number) value).intValue(), setter);
    }

    private static boolean bool(Object value, Consumer<Boolean> setter) {
        return value instanceof Boolean bool && set(bool, setter);
    }

    private static <T> boolean set(T value, Consumer<T> setter) {
        setter.accept(value);
        return true;
    }

    /** Whether a plain number is an integer that fits an int, as Jackson's {@code canConvertToInt} says. */
    private static boolean isInt(Object value) {
        return switch (value) {
            case Integer small -> true;
            case Short small -> true;
            case Byte small -> true;
            case Long large -> large >= Integer.MIN_VALUE && large <= Integer.MAX_VALUE;
            case BigInteger large -> large.bitLength() < Integer.SIZE;
            case null, default -> false;
        };
    }

    /** A plain value as an error message shows it: its JSON kind, and text or number quoted up to a limit. */
    private static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case String text -> "the text " + quoted(text);
            case Number number -> "the number " + number;
            case Boolean bool -> bool.toString();
            case List<?> array -> "an array";
            case Map<?, ?> object -> "an object";
            default -> value.getClass().getSimpleName();
        };
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
