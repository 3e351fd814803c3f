package dev.mailtrail.investigate.importer.normalise;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nested AuditData that PowerShell wrote as text: {@code ConvertTo-Json} below its {@code -Depth} (2 unless told)
 * writes each deeper object as its {@code ToString()}, {@code "@{Value=Bind; Name=MailAccessType}"}, and each
 * deeper array as {@code "System.Object[]"}. Defender's CloudAppEvents saved from PowerShell arrive so
 * ({@code "Folders":["@{FolderItems=System.Object[]; Id=LgAA…; Path=\Finance}"]}). The members the text still
 * says are read back into {@code OperationProperties}, {@code Parameters}, {@code Folders}, {@code Item},
 * {@code AffectedItems}, {@code Folder} and {@code DestFolder}; what it lost stays lost and visible: a folder's
 * {@code FolderItems} stays {@code "System.Object[]"} among its extensions, which is how {@link UnnamedItems} knows
 * the record's items were read but are not named. The text stays the record's extension of the field's name, which
 * the writer ignores while the field is set and {@link OriginalValues} restores.
 *
 * <p>Stateless.
 */
final class PowerShellObjectText {
    /** The text PowerShell writes for an array it did not descend into. */
    static final String ARRAY_TEXT = "System.Object[]";

    private static final String OPEN = "@{";
    /** A member's start: "; " then a name and "=". Values (a path, a subject) may hold "; " of their own. */
    private static final Pattern MEMBER = Pattern.compile("(?:^|; )([A-Za-z][A-Za-z0-9_]*)=");

    private PowerShellObjectText() {}

    /** The record with each nested field PowerShell gave as text read back, or the same record. */
    static AuditRecord read(AuditRecord record) {
        Map<String, Object> kept = record.extensions();
        if (kept.isEmpty()) {
            return record;
        }
        AuditRecord.Builder builder = null;
        if (record.operationProperties() == null && objects(kept.get("OperationProperties")) instanceof List<?> list) {
            builder = builder(builder, record).operationProperties(pairs(list));
        }
        if (record.parameters() == null && objects(kept.get("Parameters")) instanceof List<?> list) {
            builder = builder(builder, record).parameters(pairs(list));
        }
        if (record.folders() == null && objects(kept.get("Folders")) instanceof List<?> list) {
            builder = builder(builder, record)
                    .folders(list.stream()
                            .map(o -> folderItems(members((String) o)))
                            .toList());
        }
        if (record.affectedItems() == null && objects(kept.get("AffectedItems")) instanceof List<?> list) {
            builder = builder(builder, record)
                    .affectedItems(
                            list.stream().map(o -> item(members((String) o))).toList());
        }
        if (record.item() == null && object(kept.get("Item")) != null) {
            builder = builder(builder, record).item(item(object(kept.get("Item"))));
        }
        if (record.folder() == null && folder(kept.get("Folder")) != null) {
            builder = builder(builder, record).folder(folder(kept.get("Folder")));
        }
        if (record.destFolder() == null && folder(kept.get("DestFolder")) != null) {
            builder = builder(builder, record).destFolder(folder(kept.get("DestFolder")));
        }
        return builder == null ? record : builder.build();
    }

    private static AuditRecord.Builder builder(AuditRecord.Builder builder, AuditRecord record) {
        return builder != null ? builder : record.toBuilder();
    }

    /** The list when it is a non-empty list of PowerShell object texts, else null. */
    private static List<?> objects(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        for (Object element : list) {
            if (!(element instanceof String text) || !isObjectText(text)) {
                return null;
            }
        }
        return list;
    }

    private static Map<String, String> object(Object value) {
        return value instanceof String text && isObjectText(text) ? members(text) : null;
    }

    private static boolean isObjectText(String text) {
        return text.startsWith(OPEN) && text.endsWith("}");
    }

    /** {@code @{A=x; B=y; z}} as its members in order; an empty value is text PowerShell wrote for null. */
    static Map<String, String> members(String text) {
        String body = text.substring(OPEN.length(), text.length() - 1);
        Map<String, String> members = new LinkedHashMap<>();
        Matcher member = MEMBER.matcher(body);
        String name = null;
        int valueStart = 0;
        while (member.find()) {
            if (name != null) {
                members.put(name, body.substring(valueStart, member.start()));
            }
            name = member.group(1);
            valueStart = member.end();
        }
        if (name != null) {
            members.put(name, body.substring(valueStart));
        }
        return members;
    }

    private static List<NameValue> pairs(List<?> texts) {
        List<NameValue> pairs = new ArrayList<>(texts.size());
        for (Object text : texts) {
            Map<String, String> members = members((String) text);
            pairs.add(new NameValue(members.remove("Name"), members.remove("Value"), others(members)));
        }
        return pairs;
    }

    private static FolderItems folderItems(Map<String, String> members) {
        String id = members.remove("Id");
        String path = members.remove("Path");
        // FolderItems=System.Object[] stays among the extensions: items were there, unnamed.
        return new FolderItems(id, path, List.of(), others(members));
    }

    private static RecordItem item(Map<String, String> members) {
        String id = members.remove("Id");
        String subject = members.remove("Subject");
        String internetMessageId = members.remove("InternetMessageId");
        Long size = size(members.get("SizeInBytes"));
        if (size != null) {
            members.remove("SizeInBytes");
        }
        return new RecordItem(id, subject, internetMessageId, size, null, others(members));
    }

    private static FolderRef folder(Map<String, String> members) {
        String id = members.remove("Id");
        String path = members.remove("Path");
        return new FolderRef(id, path, others(members));
    }

    /** A folder PowerShell wrote as text ({@code "@{Id=LgAA…; Path=\\Inbox}"}), or null for any other value. */
    static FolderRef folder(Object value) {
        Map<String, String> members = object(value);
        return members == null ? null : folder(members);
    }

    private static Long size(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Map<String, Object> others(Map<String, String> members) {
        return new LinkedHashMap<>(members);
    }
}
