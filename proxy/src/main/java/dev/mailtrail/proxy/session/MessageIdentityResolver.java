package dev.mailtrail.proxy.session;

import java.util.Optional;

/**
 * Finds a message's identity when the server's response did not carry its headers (a {@code BODY.PEEK[TEXT]} read,
 * a COPY, an EXPUNGE). The proxy will back this with a cached side lookup; {@link RememberingIdentityResolver} only
 * remembers what was seen.
 */
public interface MessageIdentityResolver {

    /** {@code folderId} is {@code owner/folder}; empty when unknown. */
    Optional<MessageIdentity> find(String folderId, long uidValidity, long uid);

    /** Told of every identity seen in a response, so later events about the message can name it. */
    void seen(String folderId, long uidValidity, long uid, MessageIdentity identity);
}
