package dev.mailtrail.core.record;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.Members;
import java.util.Map;

/**
 * A single item as ExchangeItem's {@code Item} and ExchangeItemGroup's {@code AffectedItems[]} show it:
 * {@code Id}, {@code Subject}, {@code InternetMessageId}, {@code SizeInBytes}, {@code ParentFolder{Id, Path}},
 * and the members MailTrail does not model ({@code ImmutableId}, {@code Attachments}, {@code Sensitivity} …) as
 * exported ({@link Members}).
 */
public record RecordItem(
        String id,
        String subject,
        String internetMessageId,
        Long sizeInBytes,
        FolderRef parentFolder,
        Map<String, Object> extensions) {
    public RecordItem {
        extensions = Members.copy(extensions);
    }

    public RecordItem(String id, String subject, String internetMessageId, Long sizeInBytes, FolderRef parentFolder) {
        this(id, subject, internetMessageId, sizeInBytes, parentFolder, Map.of());
    }
}
