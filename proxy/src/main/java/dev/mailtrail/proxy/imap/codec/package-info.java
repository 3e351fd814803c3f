/**
 * IMAP syntax (RFC 9051, RFC 3501, LITERAL+ from RFC 7888): an incremental, bounded decoder of client commands,
 * a scanner of server responses that never alters a byte, and the FETCH item grammar with a classifier of what a
 * FETCH opens. Bare CR or LF is refused, never normalised. No networking and no meaning for the audit here.
 * JDK only.
 */
package dev.mailtrail.proxy.imap.codec;
