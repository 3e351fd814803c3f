package dev.mailtrail.core.event;

/** A folder: Exchange's {@code Id} and {@code Path} (Exchange-style, e.g. {@code \Inbox}, {@code \Finance\2026}). */
public record FolderRef(String id, String path) {}
