package dev.mailtrail.core.event;

import java.util.Map;

/**
 * A message touched by an access. {@code internetMessageId} identifies it across stores; {@code id},
 * {@code sizeInBytes} and {@code subject} are present where the sensor knows them (null otherwise).
 * {@code extensions} holds the members of a {@code FolderItems[]} entry MailTrail does not model, as exported
 * ({@link Members}); a sensor's item has none.
 */
public record ItemRef(
        String internetMessageId, String id, Long sizeInBytes, String subject, Map<String, Object> extensions) {
    public ItemRef {
        if (internetMessageId == null && id == null) {
            throw new IllegalArgumentException("an item needs an InternetMessageId or an Id");
        }
        extensions = Members.copy(extensions);
    }

    public ItemRef(String internetMessageId, String id, Long sizeInBytes, String subject) {
        this(internetMessageId, id, sizeInBytes, subject, Map.of());
    }

    /** The identity de-duplication compares: the InternetMessageId, else the store's id. */
    public String identity() {
        return internetMessageId != null ? internetMessageId : id;
    }
}
