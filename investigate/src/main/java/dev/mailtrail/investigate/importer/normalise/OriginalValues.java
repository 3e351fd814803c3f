package dev.mailtrail.investigate.importer.normalise;

import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A normalised record as the export had it: each typed field that {@link RecordNormaliser} set over an original
 * kept in the extensions is cleared again, so the AuditData writer writes the original in the field's place
 * ({@code "ClientIP":"203.0.113.5:51234"}, {@code "ExternalAccess":"False"}).
 */
public final class OriginalValues {
    private OriginalValues() {}

    public static AuditRecord restore(AuditRecord normalised) {
        AuditRecord record = ItemMembersFromText.restore(normalised);
        Map<String, Object> originals = record.extensions();
        if (originals.isEmpty()) {
            return record;
        }
        AuditRecord.Builder builder = record.toBuilder();
        boolean changed = false;
        for (String name : originals.keySet()) {
            changed |= clear(name, record, builder);
        }
        return changed ? builder.build() : record;
    }

    /** Clears the typed field of that AuditData name when it is set; false when there is nothing to clear. */
    private static boolean clear(String name, AuditRecord record, AuditRecord.Builder builder) {
        switch (name) {
            case RecordNormaliser.CLIENT_IP -> builder.clientIp(null);
            case RecordNormaliser.CLIENT_IP_ADDRESS -> builder.clientIpAddress(null);
            case RecordNormaliser.EXTERNAL_ACCESS -> builder.externalAccess(null);
            case RecordNormaliser.CROSS_MAILBOX_OPERATION -> builder.crossMailboxOperation(null);
            case RecordNormaliser.LOGON_TYPE -> builder.logonType(null);
            case RecordNormaliser.INTERNAL_LOGON_TYPE -> builder.internalLogonType(null);
            case RecordNormaliser.USER_TYPE -> builder.userType(null);
            case RecordNormaliser.VERSION -> builder.version(null);
            case RecordNormaliser.OPERATION_COUNT -> builder.operationCount(null);
            case RecordNormaliser.OPERATION_PROPERTIES -> builder.operationProperties(null);
            // Read back from PowerShell's text by PowerShellObjectText.
            case "Parameters" -> builder.parameters(null);
            case "Folders" -> builder.folders(null);
            case "AffectedItems" -> builder.affectedItems(null);
            case "Item" -> builder.item(null);
            case "Folder" -> builder.folder(null);
            case "DestFolder" -> builder.destFolder(null);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Name/Value pairs as the plain JSON-like tree an extension holds. */
    static List<Object> plain(List<NameValue> pairs) {
        List<Object> plain = new ArrayList<>(pairs.size());
        for (NameValue pair : pairs) {
            Map<String, Object> member = new LinkedHashMap<>();
            // As the writer writes a pair: a null member is left out.
            if (pair.name() != null) {
                member.put("Name", pair.name());
            }
            if (pair.value() != null) {
                member.put("Value", pair.value());
            }
            plain.add(member);
        }
        return plain;
    }
}
