package dev.mailtrail.proxy.session;

import java.util.List;

/** Which messages of a folder a lookup is to name. */
public sealed interface MessageSelection {

    /** The messages with these UIDs. */
    record Uids(List<Long> uids) implements MessageSelection {
        public Uids {
            uids = List.copyOf(uids);
        }
    }

    /**
     * The messages at these sequence numbers ({@code 1:3,7}), for a client that names messages by number only
     * (fetchmail): the lookup's own view of the folder numbers them as the client's does.
     */
    record Sequences(String set) implements MessageSelection {}

    /** Every message marked {@code \Deleted}: what an EXPUNGE or CLOSE is about to remove. */
    record Deleted() implements MessageSelection {}
}
