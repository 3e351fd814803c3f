package dev.mailtrail.proxy.imap.codec;

/**
 * What a FETCH opens, least to most; a FETCH opens the most of its items. {@link #CONTENT} is a "body read" in the
 * sense of docs/imap-client-behaviour.md §2 and §4.
 */
public enum FetchAccess {
    /** UID, FLAGS, INTERNALDATE, RFC822.SIZE, MODSEQ: the §4 "metadata fetch". */
    METADATA,
    /** BODY, BODYSTRUCTURE, BINARY.SIZE: the MIME structure and sizes, no header or body text. */
    STRUCTURE,
    /** ENVELOPE, RFC822.HEADER, BODY[HEADER…], BODY[part.MIME]: header text only. */
    HEADERS,
    /** BODY[] / BODY[TEXT] / BODY[part], BINARY[…], RFC822, RFC822.TEXT, and any item this codec does not know. */
    CONTENT
}
