package dev.mailtrail.proxy.session;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Finds a message's identity when the server's response did not carry its headers (a {@code BODY.PEEK[TEXT]} read,
 * a COPY, an EXPUNGE). {@link RememberingIdentityResolver} only remembers what was seen; a resolver that {@link
 * #looksUp()} also asks the server itself, before the command that needs the names is released to it.
 */
public interface MessageIdentityResolver {

    /** {@code folderId} is {@code owner/folder}; empty when unknown. */
    Optional<MessageIdentity> find(String folderId, long uidValidity, long uid);

    /** Told of every identity seen in a response, so later events about the message can name it. */
    void seen(String folderId, long uidValidity, long uid, MessageIdentity identity);

    /** Finds answered from what is remembered so far (for the proxy's metrics). */
    default long cacheHits() {
        return 0;
    }

    /** Finds that nothing remembered answered. */
    default long cacheMisses() {
        return 0;
    }

    /** True when {@link #prefetch} asks the server; false when only what was seen is known. */
    default boolean looksUp() {
        return false;
    }

    /**
     * Learns the identities of {@code selection} in {@code folder} from the server, so that {@link #find} knows them
     * when the command about them completes. Completes normally when the lookup is done or has given up (its
     * result then says why); never exceptionally. Called on a network thread: must not block.
     */
    default CompletionStage<LookupResult> prefetch(FolderAccess folder, MessageSelection selection) {
        return CompletableFuture.completedFuture(LookupResult.NOTHING);
    }

    /** A message was copied or moved ({@code COPYUID}): its identity goes with it. */
    default void copied(
            String fromFolderId,
            long fromUidValidity,
            long fromUid,
            String toFolderId,
            long toUidValidity,
            long toUid) {
        find(fromFolderId, fromUidValidity, fromUid).ifPresent(id -> seen(toFolderId, toUidValidity, toUid, id));
    }
}
