package dev.mailtrail.core.record;

import dev.mailtrail.core.event.FolderRef;

/**
 * A single item as ExchangeItem's {@code Item} and ExchangeItemGroup's {@code AffectedItems[]} show it:
 * {@code Id}, {@code Subject}, {@code InternetMessageId}, {@code SizeInBytes}, {@code ParentFolder{Id, Path}}.
 */
public record RecordItem(
        String id, String subject, String internetMessageId, Long sizeInBytes, FolderRef parentFolder) {}
