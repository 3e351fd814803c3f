/**
 * Reading CRLF-terminated protocol lines with a bound, shared by the IMAP and POP3 codecs. A bare CR or LF is
 * refused, never normalised: a line read differently from the server would be an audit bypass. JDK only.
 */
package dev.mailtrail.proxy.line;
