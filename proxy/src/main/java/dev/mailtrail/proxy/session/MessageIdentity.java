package dev.mailtrail.proxy.session;

/**
 * What names a message across stores: its {@code Message-ID} header and, where known, its subject and size in bytes
 * (either may be null).
 */
public record MessageIdentity(String internetMessageId, String subject, Long size) {

    public MessageIdentity(String internetMessageId, String subject) {
        this(internetMessageId, subject, null);
    }
}
