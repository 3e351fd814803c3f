package dev.mailtrail.proxy.session;

/** A lookup a command needs before the server gets it: which messages of which folder are to be named. */
public record MessageLookup(FolderAccess folder, MessageSelection selection) {}
