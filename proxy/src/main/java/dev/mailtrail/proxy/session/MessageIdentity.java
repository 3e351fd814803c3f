package dev.mailtrail.proxy.session;

/** What names a message across stores: its {@code Message-ID} header and, where seen, its subject (may be null). */
public record MessageIdentity(String internetMessageId, String subject) {}
