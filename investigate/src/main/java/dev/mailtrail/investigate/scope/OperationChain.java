package dev.mailtrail.investigate.scope;

import java.util.Map;

/**
 * The natural order of operations that happen in one second: a client logs in, searches, reads, then acts; a
 * message goes to Deleted Items before it is soft-deleted and then hard-deleted. Exports that give whole seconds
 * (and stores that return records in any order) otherwise leave them shuffled.
 */
final class OperationChain {
    private static final int ACTING = 3;
    private static final Map<String, Integer> RANKS = Map.of(
            "UserLoggedIn", 0,
            "MailboxLogin", 0,
            "SearchQueryInitiatedExchange", 1,
            "MailItemsAccessed", 2,
            "MoveToDeletedItems", 4,
            "SoftDelete", 5,
            "HardDelete", 6);

    private OperationChain() {}

    /** Where the operation falls in the chain; every other operation sits after the reads, before the deletes. */
    static int rank(String operation) {
        return operation == null ? ACTING : RANKS.getOrDefault(operation, ACTING);
    }
}
