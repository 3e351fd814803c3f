package dev.mailtrail.investigate.scope;

import java.time.Instant;

/**
 * One message read by the attacker, from a MailItemsAccessed Bind record, resolved where any record of the case
 * knows it.
 *
 * @param time the record's CreationTime (the start of its 2-minute aggregation window)
 * @param internetMessageId the message's InternetMessageId, or null where the record gave only an item Id
 * @param itemId the store's item Id, where given
 * @param folder the folder path it was read in
 * @param sizeInBytes its size, where known
 * @param message subject, sender and date where the case knows them
 * @param access who read it, from where, with what
 */
public record MessageRead(
        Instant time,
        String internetMessageId,
        String itemId,
        String folder,
        Long sizeInBytes,
        KnownMessage message,
        AccessContext access) {

    /** The identity reads of the same message share. */
    public String messageKey() {
        return internetMessageId != null ? internetMessageId : itemId;
    }
}
