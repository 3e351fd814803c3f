package dev.mailtrail.core.record;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One audit record with Exchange's AuditData fields (exchange-audit.md §6). A null field is absent from the
 * record, so a record read from a Microsoft export writes back as the same JSON tree.
 *
 * @param creationTime AuditData {@code CreationTime}
 * @param id AuditData {@code Id}
 * @param operation AuditData {@code Operation}
 * @param organizationId AuditData {@code OrganizationId}
 * @param recordType AuditData {@code RecordType}
 * @param resultStatus AuditData {@code ResultStatus}
 * @param userKey AuditData {@code UserKey}
 * @param userType AuditData {@code UserType}
 * @param version AuditData {@code Version}
 * @param workload AuditData {@code Workload}
 * @param userId AuditData {@code UserId}
 * @param clientIp AuditData {@code ClientIP}
 * @param objectId AuditData {@code ObjectId}
 * @param logonType AuditData {@code LogonType}
 * @param internalLogonType AuditData {@code InternalLogonType}
 * @param mailboxGuid AuditData {@code MailboxGuid}
 * @param mailboxOwnerUpn AuditData {@code MailboxOwnerUPN}
 * @param mailboxOwnerSid AuditData {@code MailboxOwnerSid}
 * @param logonUserSid AuditData {@code LogonUserSid}
 * @param logonUserDisplayName AuditData {@code LogonUserDisplayName}
 * @param externalAccess AuditData {@code ExternalAccess}
 * @param organizationName AuditData {@code OrganizationName}
 * @param originatingServer AuditData {@code OriginatingServer}
 * @param clientInfoString AuditData {@code ClientInfoString}
 * @param clientIpAddress AuditData {@code ClientIPAddress}
 * @param clientProcessName AuditData {@code ClientProcessName}
 * @param clientVersion AuditData {@code ClientVersion}
 * @param sessionId AuditData {@code SessionId}
 * @param appId AuditData {@code AppId}
 * @param clientAppId AuditData {@code ClientAppId}
 * @param operationProperties AuditData {@code OperationProperties}
 * @param parameters AuditData {@code Parameters}
 * @param item AuditData {@code Item}
 * @param folder AuditData {@code Folder}
 * @param destFolder AuditData {@code DestFolder}
 * @param affectedItems AuditData {@code AffectedItems}
 * @param crossMailboxOperation AuditData {@code CrossMailboxOperation}
 * @param operationCount AuditData {@code OperationCount}
 * @param folders AuditData {@code Folders}
 * @param syncedItems AuditData {@code MailTrailSyncedItems}
 * @param extensions fields MailTrail does not model, in order: values are String, Number, Boolean, null, List or Map
 */
public record AuditRecord(
        Instant creationTime,
        String id,
        String operation,
        String organizationId,
        int recordType,
        String resultStatus,
        String userKey,
        Integer userType,
        Integer version,
        String workload,
        String userId,
        String clientIp,
        String objectId,
        Integer logonType,
        Integer internalLogonType,
        String mailboxGuid,
        String mailboxOwnerUpn,
        String mailboxOwnerSid,
        String logonUserSid,
        String logonUserDisplayName,
        Boolean externalAccess,
        String organizationName,
        String originatingServer,
        String clientInfoString,
        String clientIpAddress,
        String clientProcessName,
        String clientVersion,
        String sessionId,
        String appId,
        String clientAppId,
        List<NameValue> operationProperties,
        List<NameValue> parameters,
        RecordItem item,
        FolderRef folder,
        FolderRef destFolder,
        List<RecordItem> affectedItems,
        Boolean crossMailboxOperation,
        Integer operationCount,
        List<FolderItems> folders,
        List<ItemRef> syncedItems,
        Map<String, Object> extensions) {

    public static final String MAIL_ACCESS_TYPE = "MailAccessType";
    public static final String IS_THROTTLED = "IsThrottled";

    public AuditRecord {
        Objects.requireNonNull(creationTime, "creationTime");
        operationProperties = operationProperties == null ? null : List.copyOf(operationProperties);
        parameters = parameters == null ? null : List.copyOf(parameters);
        affectedItems = affectedItems == null ? null : List.copyOf(affectedItems);
        folders = folders == null ? null : List.copyOf(folders);
        syncedItems = syncedItems == null ? null : List.copyOf(syncedItems);
        extensions = extensions == null || extensions.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.creationTime = creationTime;
        builder.id = id;
        builder.operation = operation;
        builder.organizationId = organizationId;
        builder.recordType = recordType;
        builder.resultStatus = resultStatus;
        builder.userKey = userKey;
        builder.userType = userType;
        builder.version = version;
        builder.workload = workload;
        builder.userId = userId;
        builder.clientIp = clientIp;
        builder.objectId = objectId;
        builder.logonType = logonType;
        builder.internalLogonType = internalLogonType;
        builder.mailboxGuid = mailboxGuid;
        builder.mailboxOwnerUpn = mailboxOwnerUpn;
        builder.mailboxOwnerSid = mailboxOwnerSid;
        builder.logonUserSid = logonUserSid;
        builder.logonUserDisplayName = logonUserDisplayName;
        builder.externalAccess = externalAccess;
        builder.organizationName = organizationName;
        builder.originatingServer = originatingServer;
        builder.clientInfoString = clientInfoString;
        builder.clientIpAddress = clientIpAddress;
        builder.clientProcessName = clientProcessName;
        builder.clientVersion = clientVersion;
        builder.sessionId = sessionId;
        builder.appId = appId;
        builder.clientAppId = clientAppId;
        builder.operationProperties = operationProperties;
        builder.parameters = parameters;
        builder.item = item;
        builder.folder = folder;
        builder.destFolder = destFolder;
        builder.affectedItems = affectedItems;
        builder.crossMailboxOperation = crossMailboxOperation;
        builder.operationCount = operationCount;
        builder.folders = folders;
        builder.syncedItems = syncedItems;
        builder.extensions = extensions;
        return builder;
    }

    /** {@code MailAccessType} from OperationProperties ({@code Bind}, {@code Sync}), or null. */
    public String mailAccessType() {
        return operationProperty(MAIL_ACCESS_TYPE);
    }

    /** Whether OperationProperties says {@code IsThrottled=True}. */
    public boolean isThrottled() {
        return "True".equalsIgnoreCase(operationProperty(IS_THROTTLED));
    }

    public String operationProperty(String name) {
        if (operationProperties == null) {
            return null;
        }
        for (NameValue property : operationProperties) {
            if (name.equals(property.name())) {
                return property.value();
            }
        }
        return null;
    }

    /** Builds records field by field; unset fields stay absent. */
    public static final class Builder {
        private Instant creationTime;
        private String id;
        private String operation;
        private String organizationId;
        private int recordType;
        private String resultStatus;
        private String userKey;
        private Integer userType;
        private Integer version;
        private String workload;
        private String userId;
        private String clientIp;
        private String objectId;
        private Integer logonType;
        private Integer internalLogonType;
        private String mailboxGuid;
        private String mailboxOwnerUpn;
        private String mailboxOwnerSid;
        private String logonUserSid;
        private String logonUserDisplayName;
        private Boolean externalAccess;
        private String organizationName;
        private String originatingServer;
        private String clientInfoString;
        private String clientIpAddress;
        private String clientProcessName;
        private String clientVersion;
        private String sessionId;
        private String appId;
        private String clientAppId;
        private List<NameValue> operationProperties;
        private List<NameValue> parameters;
        private RecordItem item;
        private FolderRef folder;
        private FolderRef destFolder;
        private List<RecordItem> affectedItems;
        private Boolean crossMailboxOperation;
        private Integer operationCount;
        private List<FolderItems> folders;
        private List<ItemRef> syncedItems;
        private Map<String, Object> extensions;

        private Builder() {}

        public Builder creationTime(Instant value) {
            this.creationTime = value;
            return this;
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder operation(String value) {
            this.operation = value;
            return this;
        }

        public Builder organizationId(String value) {
            this.organizationId = value;
            return this;
        }

        public Builder recordType(int value) {
            this.recordType = value;
            return this;
        }

        public Builder resultStatus(String value) {
            this.resultStatus = value;
            return this;
        }

        public Builder userKey(String value) {
            this.userKey = value;
            return this;
        }

        public Builder userType(Integer value) {
            this.userType = value;
            return this;
        }

        public Builder version(Integer value) {
            this.version = value;
            return this;
        }

        public Builder workload(String value) {
            this.workload = value;
            return this;
        }

        public Builder userId(String value) {
            this.userId = value;
            return this;
        }

        public Builder clientIp(String value) {
            this.clientIp = value;
            return this;
        }

        public Builder objectId(String value) {
            this.objectId = value;
            return this;
        }

        public Builder logonType(Integer value) {
            this.logonType = value;
            return this;
        }

        public Builder internalLogonType(Integer value) {
            this.internalLogonType = value;
            return this;
        }

        public Builder mailboxGuid(String value) {
            this.mailboxGuid = value;
            return this;
        }

        public Builder mailboxOwnerUpn(String value) {
            this.mailboxOwnerUpn = value;
            return this;
        }

        public Builder mailboxOwnerSid(String value) {
            this.mailboxOwnerSid = value;
            return this;
        }

        public Builder logonUserSid(String value) {
            this.logonUserSid = value;
            return this;
        }

        public Builder logonUserDisplayName(String value) {
            this.logonUserDisplayName = value;
            return this;
        }

        public Builder externalAccess(Boolean value) {
            this.externalAccess = value;
            return this;
        }

        public Builder organizationName(String value) {
            this.organizationName = value;
            return this;
        }

        public Builder originatingServer(String value) {
            this.originatingServer = value;
            return this;
        }

        public Builder clientInfoString(String value) {
            this.clientInfoString = value;
            return this;
        }

        public Builder clientIpAddress(String value) {
            this.clientIpAddress = value;
            return this;
        }

        public Builder clientProcessName(String value) {
            this.clientProcessName = value;
            return this;
        }

        public Builder clientVersion(String value) {
            this.clientVersion = value;
            return this;
        }

        public Builder sessionId(String value) {
            this.sessionId = value;
            return this;
        }

        public Builder appId(String value) {
            this.appId = value;
            return this;
        }

        public Builder clientAppId(String value) {
            this.clientAppId = value;
            return this;
        }

        public Builder operationProperties(List<NameValue> value) {
            this.operationProperties = value;
            return this;
        }

        public Builder parameters(List<NameValue> value) {
            this.parameters = value;
            return this;
        }

        public Builder item(RecordItem value) {
            this.item = value;
            return this;
        }

        public Builder folder(FolderRef value) {
            this.folder = value;
            return this;
        }

        public Builder destFolder(FolderRef value) {
            this.destFolder = value;
            return this;
        }

        public Builder affectedItems(List<RecordItem> value) {
            this.affectedItems = value;
            return this;
        }

        public Builder crossMailboxOperation(Boolean value) {
            this.crossMailboxOperation = value;
            return this;
        }

        public Builder operationCount(Integer value) {
            this.operationCount = value;
            return this;
        }

        public Builder folders(List<FolderItems> value) {
            this.folders = value;
            return this;
        }

        public Builder syncedItems(List<ItemRef> value) {
            this.syncedItems = value;
            return this;
        }

        public Builder extensions(Map<String, Object> value) {
            this.extensions = value;
            return this;
        }

        public AuditRecord build() {
            return new AuditRecord(
                    creationTime,
                    id,
                    operation,
                    organizationId,
                    recordType,
                    resultStatus,
                    userKey,
                    userType,
                    version,
                    workload,
                    userId,
                    clientIp,
                    objectId,
                    logonType,
                    internalLogonType,
                    mailboxGuid,
                    mailboxOwnerUpn,
                    mailboxOwnerSid,
                    logonUserSid,
                    logonUserDisplayName,
                    externalAccess,
                    organizationName,
                    originatingServer,
                    clientInfoString,
                    clientIpAddress,
                    clientProcessName,
                    clientVersion,
                    sessionId,
                    appId,
                    clientAppId,
                    operationProperties,
                    parameters,
                    item,
                    folder,
                    destFolder,
                    affectedItems,
                    crossMailboxOperation,
                    operationCount,
                    folders,
                    syncedItems,
                    extensions);
        }
    }
}
