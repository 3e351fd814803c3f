package dev.mailtrail.core.event;

/**
 * A message touched by an access. {@code internetMessageId} identifies it across stores; {@code id},
 * {@code sizeInBytes} and {@code subject} are present where the sensor knows them (null otherwise).
 */
public record ItemRef(String internetMessageId, String id, Long sizeInBytes, String subject) {
    public ItemRef {
        if (internetMessageId == null && id == null) {
            throw new IllegalArgumentException("an item needs an InternetMessageId or an Id");
        }
    }

    /** The identity de-duplication compares: the InternetMessageId, else the store's id. */
    public String identity() {
        return internetMessageId != null ? internetMessageId : id;
    }
}
