package dev.mailtrail.core.event;

import java.util.Map;

/**
 * A folder: Exchange's {@code Id} and {@code Path} (Exchange-style, e.g. {@code \Inbox}, {@code \Finance\2026}),
 * and the members of an exported folder MailTrail does not model ({@link Members}).
 */
public record FolderRef(String id, String path, Map<String, Object> extensions) {
    public FolderRef {
        extensions = Members.copy(extensions);
    }

    public FolderRef(String id, String path) {
        this(id, path, Map.of());
    }
}
