package dev.mailtrail.format.auditdata;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.HashMap;
import java.util.Map;

/**
 * The AuditData fields MailTrail models, with Microsoft's exact JSON names, in the order the writer emits
 * them (the order of Exchange's own exports for the common fields, then the schema's order).
 */
enum AuditDataField {
    CREATION_TIME("CreationTime"),
    ID("Id"),
    OPERATION("Operation"),
    ORGANIZATION_ID("OrganizationId"),
    RECORD_TYPE("RecordType"),
    RESULT_STATUS("ResultStatus"),
    USER_KEY("UserKey"),
    USER_TYPE("UserType"),
    VERSION("Version"),
    WORKLOAD("Workload"),
    CLIENT_IP("ClientIP"),
    OBJECT_ID("ObjectId"),
    USER_ID("UserId"),
    LOGON_TYPE("LogonType"),
    INTERNAL_LOGON_TYPE("InternalLogonType"),
    MAILBOX_GUID("MailboxGuid"),
    MAILBOX_OWNER_UPN("MailboxOwnerUPN"),
    MAILBOX_OWNER_SID("MailboxOwnerSid"),
    LOGON_USER_SID("LogonUserSid"),
    LOGON_USER_DISPLAY_NAME("LogonUserDisplayName"),
    EXTERNAL_ACCESS("ExternalAccess"),
    ORGANIZATION_NAME("OrganizationName"),
    ORIGINATING_SERVER("OriginatingServer"),
    CLIENT_INFO_STRING("ClientInfoString"),
    CLIENT_IP_ADDRESS("ClientIPAddress"),
    CLIENT_PROCESS_NAME("ClientProcessName"),
    CLIENT_VERSION("ClientVersion"),
    SESSION_ID("SessionId"),
    APP_ID("AppId"),
    CLIENT_APP_ID("ClientAppId"),
    OPERATION_PROPERTIES("OperationProperties"),
    PARAMETERS("Parameters"),
    ITEM("Item"),
    FOLDER("Folder"),
    DEST_FOLDER("DestFolder"),
    AFFECTED_ITEMS("AffectedItems"),
    CROSS_MAILBOX_OPERATION("CrossMailboxOperation"),
    OPERATION_COUNT("OperationCount"),
    FOLDERS("Folders"),
    MAIL_TRAIL_SYNCED_ITEMS("MailTrailSyncedItems");

    private static final Map<String, AuditDataField> BY_JSON_NAME = new HashMap<>();

    static {
        for (AuditDataField field : values()) {
            BY_JSON_NAME.put(field.jsonName(), field);
        }
    }

    // Pre-encoded so the writer copies the quoted name instead of escaping it for every record.
    private final SerializedString jsonName;

    AuditDataField(String jsonName) {
        this.jsonName = new SerializedString(jsonName);
    }

    String jsonName() {
        return jsonName.getValue();
    }

    SerializedString serializedName() {
        return jsonName;
    }

    /** The modelled field of that JSON name, or null for a field MailTrail keeps as an extension. */
    static AuditDataField named(String jsonName) {
        return BY_JSON_NAME.get(jsonName);
    }
}
