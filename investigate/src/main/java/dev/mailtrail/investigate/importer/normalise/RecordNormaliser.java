package dev.mailtrail.investigate.importer.normalise;

import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Brings a record read from an export to the typed values investigations compare: {@code ClientIP} and
 * {@code ClientIPAddress} without a source port, {@code ExternalAccess} and {@code CrossMailboxOperation} given
 * as text as booleans, {@code LogonType}/{@code InternalLogonType} names and numeric text as numbers,
 * {@code UserType}, {@code Version} and {@code OperationCount} given as text as numbers, an item's
 * {@code SizeInBytes} given as text as a number ({@link ItemMembersFromText}), nested fields PowerShell wrote as
 * {@code "@{Name=…; Value=…}"} text read back ({@link PowerShellObjectText}), and a MailItemsAccessed
 * record's {@code OperationProperties} without {@code IsThrottled} completed with {@code IsThrottled=False}
 * (Exchange leaves it out of some records; absent means not throttled).
 *
 * <p>Nothing is lost: whatever the export said is kept as the record's extension of the same name, which the
 * AuditData writer ignores while the typed field is set; {@link OriginalValues} gives the record back as exported.
 *
 * <p>Thread-safe and stateless.
 */
public final class RecordNormaliser {
    static final String CLIENT_IP = "ClientIP";
    static final String CLIENT_IP_ADDRESS = "ClientIPAddress";
    static final String EXTERNAL_ACCESS = "ExternalAccess";
    static final String CROSS_MAILBOX_OPERATION = "CrossMailboxOperation";
    static final String LOGON_TYPE = "LogonType";
    static final String INTERNAL_LOGON_TYPE = "InternalLogonType";
    static final String USER_TYPE = "UserType";
    static final String VERSION = "Version";
    static final String OPERATION_COUNT = "OperationCount";
    static final String OPERATION_PROPERTIES = "OperationProperties";
    private static final String MAIL_ITEMS_ACCESSED = "MailItemsAccessed";

    /** The record with normalised fields, or the same instance when nothing needed it. */
    public AuditRecord normalise(AuditRecord exported) {
        AuditRecord record = ItemMembersFromText.typed(PowerShellObjectText.read(exported));
        Changes changes = new Changes(record);
        changes.address(CLIENT_IP, record.clientIp(), AuditRecord.Builder::clientIp);
        changes.address(CLIENT_IP_ADDRESS, record.clientIpAddress(), AuditRecord.Builder::clientIpAddress);
        changes.fromText(
                EXTERNAL_ACCESS, record.externalAccess(), BooleanText::parse, AuditRecord.Builder::externalAccess);
        changes.fromText(
                CROSS_MAILBOX_OPERATION,
                record.crossMailboxOperation(),
                BooleanText::parse,
                AuditRecord.Builder::crossMailboxOperation);
        changes.fromText(LOGON_TYPE, record.logonType(), LogonTypeName::parse, AuditRecord.Builder::logonType);
        changes.fromText(
                INTERNAL_LOGON_TYPE,
                record.internalLogonType(),
                LogonTypeName::parse,
                AuditRecord.Builder::internalLogonType);
        changes.fromText(USER_TYPE, record.userType(), RecordNormaliser::integer, AuditRecord.Builder::userType);
        changes.fromText(VERSION, record.version(), RecordNormaliser::integer, AuditRecord.Builder::version);
        changes.fromText(
                OPERATION_COUNT,
                record.operationCount(),
                RecordNormaliser::integer,
                AuditRecord.Builder::operationCount);
        if (MAIL_ITEMS_ACCESSED.equals(record.operation())) {
            changes.throttlingDefault(record.operationProperties());
        }
        return changes.result();
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException notANumber) {
            // Left as the export wrote it, in the extension.
            return null;
        }
    }

    /** The fields changed so far; copies the record only on the first change. */
    private static final class Changes {
        private final AuditRecord record;
        private AuditRecord.Builder builder;
        private Map<String, Object> extensions;

        Changes(AuditRecord record) {
            this.record = record;
        }

        void address(String name, String value, Setter<String> setter) {
            String bare = ClientAddress.withoutPort(value);
            if (bare != null && !bare.equals(value)) {
                setter.set(builder(), bare);
                extensions().put(name, value);
            }
        }

        /** A typed field the reader could not set because the export gave text: typed from that text. */
        <T> void fromText(String name, T value, Function<String, T> parse, Setter<T> setter) {
            if (value == null && record.extensions().get(name) instanceof String text) {
                T typed = parse.apply(text);
                if (typed != null) {
                    setter.set(builder(), typed);
                }
            }
        }

        void throttlingDefault(List<NameValue> properties) {
            if (properties == null || properties.stream().anyMatch(p -> AuditRecord.IS_THROTTLED.equals(p.name()))) {
                return;
            }
            List<NameValue> completed = new ArrayList<>(properties);
            completed.add(new NameValue(AuditRecord.IS_THROTTLED, "False"));
            builder().operationProperties(completed);
            extensions().put(OPERATION_PROPERTIES, OriginalValues.plain(properties));
        }

        AuditRecord result() {
            if (builder == null) {
                return record;
            }
            if (extensions != null) {
                builder.extensions(extensions);
            }
            return builder.build();
        }

        private AuditRecord.Builder builder() {
            if (builder == null) {
                builder = record.toBuilder();
            }
            return builder;
        }

        private Map<String, Object> extensions() {
            if (extensions == null) {
                extensions = new LinkedHashMap<>(record.extensions());
            }
            return extensions;
        }
    }

    @FunctionalInterface
    private interface Setter<T> {
        void set(AuditRecord.Builder builder, T value);
    }
}
