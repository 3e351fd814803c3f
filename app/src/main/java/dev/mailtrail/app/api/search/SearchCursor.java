package dev.mailtrail.app.api.search;

import dev.mailtrail.store.log.ResultPosition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of a search starts, opaque to a client: the store's sort key of the last record visited
 * (CreationTime and the store's unique arrival sequence) and how many results came before, so that ResultIndex
 * runs on across pages and {@code -ResultSize} bounds the whole search, not each page. It stays valid while
 * records arrive and across restarts: it names a place in the order, not a search held open.
 */
record SearchCursor(ResultPosition position, long before) {
    private static final String VERSION = "1";

    String encode() {
        String text = VERSION + ":" + position.creationMillis() + ":" + position.sequence() + ":" + before;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent back; refused with the parameter's name when it is not one this API gave. */
    static SearchCursor decode(String cursor) throws QueryLine.Refused {
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":", -1);
            if (parts.length == 4 && parts[0].equals(VERSION)) {
                long before = Long.parseLong(parts[3]);
                if (before >= 0) {
                    return new SearchCursor(
                            new ResultPosition(Long.parseLong(parts[1]), Long.parseLong(parts[2])), before);
                }
            }
        } catch (IllegalArgumentException unreadable) {
            // refused below, as any cursor this API did not give
        }
        throw new QueryLine.Refused(new ApiError(
                "cursor", "The cursor '" + cursor + "' is not one this search gave: start again without a cursor."));
    }
}
